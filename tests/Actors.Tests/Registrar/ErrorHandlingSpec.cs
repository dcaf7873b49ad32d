using RSerPool.Actors.Tests.Registrar.Support;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;
using Xunit;

namespace RSerPool.Actors.Tests.Registrar;

/// <summary>Messages a registrar does not take (RFC 5352 §2.2.14, docs/protocol-notes.md §9).</summary>
public sealed class ErrorHandlingSpec : RegistrarSpecBase
{
    public ErrorHandlingSpec() => Start();

    public static TheoryData<AsapMessage> NotForARegistrar => new()
    {
        new AsapEndpointKeepAlive(0x77, Asap.EchoPool, 1),
        new AsapCookie([1, 2, 3, 4]),
        new AsapRegistrationResponse(Asap.EchoPool, 1),
        new AsapServerAnnounce(0x77),
    };

    [Theory]
    [MemberData(nameof(NotForARegistrar))]
    public void A_message_not_for_a_registrar_is_answered_with_unrecognized_message_carrying_it(AsapMessage message)
    {
        var peer = Connect();
        Send(peer, message);

        var error = ExpectSent<AsapError>(peer);
        var cause = Assert.Single(error.Error.Causes);
        Assert.Equal(ErrorCauseCode.UnrecognizedMessage, cause.Code);
        Assert.Equal(message, AsapDecoder.Decode(cause.Information.AsSpan()));
    }

    [Fact]
    public void An_error_is_never_answered()
    {
        var peer = Connect();
        Send(peer, new AsapError(new OperationError(ErrorCause.WithoutInformation(ErrorCauseCode.LackOfResources))));

        peer.ExpectNoMsg();
    }

    [Fact]
    public void Keep_alive_acks_and_reports_for_unknown_pools_are_ignored()
    {
        var peer = Connect();
        Send(peer, new AsapEndpointKeepAliveAck(Asap.EchoPool, 1));
        Send(peer, new AsapEndpointUnreachable(Asap.EchoPool, 1));

        peer.ExpectNoMsg();
        Assert.Equal(0, Snapshot().PoolCount);
    }
}
