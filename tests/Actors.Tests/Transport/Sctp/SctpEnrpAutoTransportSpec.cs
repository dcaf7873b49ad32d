// Issue 7: one registrar serves ENRP over TCP and over SCTP on the same port; a TCP-only and an SCTP-only registrar
// (like RSPLIB's) both peer with it and with its PEs over real loopback sockets.
using System.Net;
using RSerPool.Actors.Enrp;
using Akka.Actor;
using Akka.Event;
using Akka.TestKit;
using RSerPool.TestKit;
using RSerPool.Actors.Registrar;
using RSerPool.Actors.Transport;
using RSerPool.Actors.Transport.Sctp;
using Xunit;

namespace RSerPool.Actors.Tests.Transport.Sctp;

public sealed class SctpEnrpAutoTransportSpec : RealTimeTestKit
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public SctpEnrpAutoTransportSpec()
        : base()
    {
    }

    [SctpFact]
    public async Task Tcp_only_and_sctp_only_registrars_both_peer_with_one_serving_both_on_one_port()
    {
        // The peering lines come in any order: a probe on the event stream collects them.
        var log = CreateTestProbe("log");
        Sys.EventStream.Subscribe(log.Ref, typeof(Info));
        var both = await StartAsync(0x0a000001, TcpEnrpTransport.Instance, SctpEnrpTransport.Instance, []);
        Assert.Equal(["tcp", "sctp"], both.EnrpTransports);
        var sctpOnly = await StartAsync(0x0a000002, SctpEnrpTransport.Instance, null, [both.EnrpEndPoint!]);
        var tcpOnly = await StartAsync(0x0a000003, TcpEnrpTransport.Instance, null, [both.EnrpEndPoint!]);

        var awaited = new List<string>
        {
            "0x0a000001: new ENRP peer 0x0a000002",
            "0x0a000001: new ENRP peer 0x0a000003",
            "0x0a000002: new ENRP peer 0x0a000001",
            "0x0a000003: new ENRP peer 0x0a000001",
        };
        while (awaited.Count > 0)
        {
            string line = Rendered(await log.FishForMessageAsync<Info>(e => awaited.Exists(a => Rendered(e).Contains(a, StringComparison.Ordinal)), Timeout));
            awaited.RemoveAll(a => line.Contains(a, StringComparison.Ordinal));
        }

        Assert.Equal(["sctp"], sctpOnly.EnrpTransports);
        Assert.Equal(["tcp"], tcpOnly.EnrpTransports);
    }

    [NoSctpFact]
    public async Task The_registrar_serves_enrp_over_tcp_alone_where_the_kernel_has_no_sctp()
    {
        // The notice is logged while the registrar starts: the filter is in place before.
        var started = await EventFilter.Custom<Info>(e => e.Message is LogMessage message
                && message.Format.Contains("only, not", StringComparison.Ordinal)
                && message.GetProperties().TryGetValue("Reason", out object? reason)
                && Equals(reason, SctpSupport.Reason))
            .ExpectOneAsync(Timeout, () => StartAsync(0x0a000004, TcpEnrpTransport.Instance, SctpEnrpTransport.Instance, []));
        Assert.Equal(["tcp"], started.EnrpTransports);
    }

    private static string Rendered(LogEvent logEvent) => logEvent.Message?.ToString() ?? string.Empty;

    private async Task<RegistrarStarted> StartAsync(uint id, IEnrpTransport transport, IEnrpTransport? additional, IPEndPoint[] peers)
    {
        var observer = CreateTestProbe($"observer-{id:x8}");
        var settings = new RegistrarSettings
        {
            ServerId = id,
            AsapEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
            AsapSctpEndPoint = null,
            AsapAnnounce = new AnnounceSettings([], TimeSpan.FromSeconds(1)),
            Enrp = new EnrpSettings
            {
                EndPoint = new IPEndPoint(IPAddress.Loopback, 0),
                Transport = transport,
                AdditionalTransport = additional,
                Peers = peers,
                PeerHeartbeatCycle = TimeSpan.FromMilliseconds(200),
                MaxTimeLastHeard = TimeSpan.FromSeconds(10),
                MaxTimeNoResponse = TimeSpan.FromSeconds(10),
            },
        };
        Sys.ActorOf(RegistrarActor.Props(settings, observer.Ref), $"registrar-{id:x8}");
        return await observer.ExpectMsgAsync<RegistrarStarted>(Timeout);
    }
}
