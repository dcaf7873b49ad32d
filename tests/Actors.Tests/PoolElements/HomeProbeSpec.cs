using RSerPool.Actors.Transport;
using RSerPool.Wire.Messages.Asap;
using Xunit;

namespace RSerPool.Actors.Tests.PoolElements;

/// <summary>Issue 13 item 2: a PE notices a silent (hung) home registrar by its missing Keep Alives (RFC 5352 §3.4) and moves.</summary>
public sealed class HomeProbeSpec : PoolElementSpecBase
{
    private static readonly TimeSpan ProbeAfter = TimeSpan.FromSeconds(6);

    [Fact]
    public void A_home_silent_past_the_probe_time_is_probed_and_left_when_the_probe_goes_unanswered()
    {
        StartClient(ClientSettings with { HomeProbeAfter = ProbeAfter });
        var a = Open(RegistrarA, "a");
        StartPe();
        AcceptRegistration(a);

        // Keep Alives arrive: no probe.
        Advance(TimeSpan.FromSeconds(4));
        Deliver(a, new AsapEndpointKeepAlive(ServerA, Pool, PeId));
        ExpectSent<AsapEndpointKeepAliveAck>(a);
        Advance(TimeSpan.FromSeconds(4));
        a.ExpectNoMsg(TimeSpan.FromMilliseconds(50));

        // Silent for 6 s (checked every 3 s): one probe; without its answer within the request timeout the PE
        // re-registers at the next registrar, well before its 30 s re-registration.
        Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(Pool, ExpectSent<AsapHandleResolution>(a).PoolHandle);
        Advance(RequestTimeout);
        a.ExpectMsg<CloseAssociation>();
        var b = Open(RegistrarB, "b");
        AcceptRegistration(b);
    }

    [Fact]
    public void An_answered_probe_keeps_the_home()
    {
        StartClient(ClientSettings with { HomeProbeAfter = ProbeAfter });
        var a = Open(RegistrarA, "a");
        StartPe();
        AcceptRegistration(a);

        Advance(TimeSpan.FromSeconds(6));
        ExpectSent<AsapHandleResolution>(a);
        Deliver(a, AsapHandleResolutionResponse.Failure(Pool, new Wire.Parameters.OperationError(
            Wire.Parameters.ErrorCause.WithoutInformation(Wire.Errors.ErrorCauseCode.UnknownPoolHandle))));
        Advance(RequestTimeout);
        a.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Connects.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }
}
