using System.Net;
using Akka.TestKit;
using RSerPool.TestKit;
using RSerPool.Actors.Transport;
using RSerPool.Actors.Transport.Sctp;
using RSerPool.Wire.Messages.Asap;
using Xunit;

namespace RSerPool.Actors.Tests.Transport.Sctp;

/// <summary>Run-time detection of kernel SCTP: never throws, and without SCTP nothing fails, the listener just says so.</summary>
public sealed class SctpSupportSpec : RealTimeTestKit
{
    public SctpSupportSpec()
        : base()
    {
    }

    [Fact]
    public void Detection_gives_an_answer_and_a_reason()
    {
        bool available = SctpSupport.IsAvailable;
        Assert.Equal(available, SctpSupport.IsAvailable);
        Assert.False(string.IsNullOrWhiteSpace(SctpSupport.Reason));
        Assert.Equal(available, SctpSupport.Reason == "kernel SCTP available");
    }

    [NoSctpFact]
    public void Without_sctp_the_reason_names_the_error()
    {
        var failure = Assert.Throws<SctpException>(() => SctpSocket.Create(System.Net.Sockets.AddressFamily.InterNetwork));
        Assert.Equal("socket", failure.Call);
        // EPROTONOSUPPORT (93) on kernels built without SCTP, as on this host kind.
        Assert.Contains($"(errno {failure.Errno})", SctpSupport.Reason, StringComparison.Ordinal);
    }

    [NoSctpFact]
    public async Task Without_sctp_the_listener_reports_bind_failed_and_stops()
    {
        var handler = CreateTestProbe("handler");
        var endpoint = new IPEndPoint(IPAddress.Loopback, 0);
        var listener = Sys.ActorOf(SctpListenerActor<AsapMessage>.Props(endpoint, handler.Ref, AsapWireCodec.Instance, AssociationSettings.Default,
            SctpSettings.Asap, maxAssociations: 4), "asap-sctp-listener");
        handler.Watch(listener);
        var failed = await handler.ExpectMsgAsync<BindFailed>(TimeSpan.FromSeconds(10));
        Assert.Equal(endpoint, failed.EndPoint);
        Assert.Equal(SctpSupport.Reason, failed.Reason);
        await handler.ExpectTerminatedAsync(listener, TimeSpan.FromSeconds(10));
    }

    [NoSctpFact]
    public async Task Without_sctp_the_one_to_many_listener_reports_bind_failed_and_stops()
    {
        var handler = CreateTestProbe("handler");
        var endpoint = new IPEndPoint(IPAddress.Loopback, 0);
        var listener = Sys.ActorOf(SctpOneToManyListenerActor<AsapMessage>.Props(endpoint, handler.Ref, AsapWireCodec.Instance,
            AssociationSettings.Default, SctpSettings.Asap, maxAssociations: 4), "asap-sctp-endpoint");
        handler.Watch(listener);
        var failed = await handler.ExpectMsgAsync<BindFailed>(TimeSpan.FromSeconds(10));
        Assert.Equal(endpoint, failed.EndPoint);
        Assert.Equal(SctpSupport.Reason, failed.Reason);
        await handler.ExpectTerminatedAsync(listener, TimeSpan.FromSeconds(10));
    }

    [NoSctpFact]
    public void Without_sctp_a_one_to_many_socket_cannot_be_made_either()
    {
        var failure = Assert.Throws<SctpException>(() => SctpSocket.Create(System.Net.Sockets.AddressFamily.InterNetwork, SctpSocketStyle.OneToMany));
        Assert.Equal("socket", failure.Call);
    }
}
