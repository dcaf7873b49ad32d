using System.Globalization;
using System.Net;
using System.Net.Sockets;
using RSerPool.Hosts.Tests.Support;
using RSerPool.Wire;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Messages.Enrp;
using RSerPool.Wire.Parameters;
using Xunit;

namespace RSerPool.Hosts.Tests.Processes;

/// <summary>
/// Issue 17 item 0, the attack found there: a client that is no configured or allowed peer sends a Presence from an
/// invented server id and a Handle Update adding an invented PE. With <c>rserpool.registrar.enrp.allow</c> it is
/// closed at accept, logged and counted, and resolves nothing; an allowed peer still replicates.
/// </summary>
public sealed class EnrpAllowProcessTests : IDisposable
{
    private const uint InventedServerId = 0x0bad0001;
    private const uint InventedPeId = 0x66666666;
    private static readonly PoolHandle EchoPool = PoolHandle.FromString("EchoPool");
    private readonly string _config = Path.Combine(Directory.CreateTempSubdirectory("rserpool-allow-").FullName, "allow.conf");

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_config)!, recursive: true);

    [Fact]
    public async Task A_fake_peer_from_a_source_not_allowed_injects_nothing_and_an_allowed_peer_still_replicates()
    {
        await File.WriteAllTextAsync(_config, """rserpool.registrar.enrp.allow = ["127.0.0.1"]""");
        var (registrar, asap, enrp) = await StartRegistrarAsync("0xa1", "--config", _config, "--status", "127.0.0.1:0");
        await using var _ = registrar;
        string url = (await registrar.WaitForLineAsync(@"status on (http://127\.0\.0\.1:\d+/)status")).Groups[1].Value;

        // The attacker: another loopback address, a Presence from an invented id, then an invented PE.
        using var attacker = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        attacker.Bind(new IPEndPoint(IPAddress.Parse("127.0.0.2"), 0));
        await attacker.ConnectAsync(enrp);
        var information = new ServerInformation(InventedServerId, new SctpTransport(9901, TransportUse.DataOnly, ValueArray.Create<IPAddress>([IPAddress.Parse("127.0.0.2")])));
        var invented = new PoolElement(InventedPeId, InventedServerId, 90000, new TcpTransport(6666, TransportUse.DataOnly, [IPAddress.Parse("127.0.0.2")]),
            PoolMemberSelectionPolicy.RoundRobin());
        byte[] attack = [.. EnrpEncoder.EncodeToArray(new EnrpPresence(InventedServerId, 0, null, information, ReplyRequired: true)),
            .. EnrpEncoder.EncodeToArray(new EnrpHandleUpdate(InventedServerId, 0, HandleUpdateAction.AddPoolElement, EchoPool, invented))];
        try
        {
            await attacker.SendAsync(attack, SocketFlags.None);
        }
        catch (SocketException)
        {
            // Closed before all was sent: refused all the same.
        }

        await registrar.WaitForLineAsync(@"\[WRN\] registrar 0x000000a1: ENRP association from 127\.0\.0\.2 refused: not in rserpool\.registrar\.enrp\.allow");
        Assert.Equal(0, await ReadUntilClosedAsync(attacker));   // closed, nothing answered

        // An allowed peer (127.0.0.1) still replicates: its PE is resolvable here, the invented one is not.
        var (peer, peerAsap, _) = await StartRegistrarAsync("0xb2", "--peer", enrp.ToString());
        await using var __ = peer;
        await registrar.WaitForLineAsync("new ENRP peer 0x000000b2");
        using var pe = await AsapClient.ConnectAsync(peerAsap);
        await pe.SendAsync(new AsapRegistration(EchoPool,
            new PoolElement(0x1a2b3c4d, 0, 90000, new TcpTransport(7001, TransportUse.DataOnly, [IPAddress.Loopback]), PoolMemberSelectionPolicy.RoundRobin())));
        Assert.False(Assert.IsType<AsapRegistrationResponse>(await pe.ReceiveAsync()).Rejected);
        await registrar.WaitForLineAsync("copy of PE 0x1a2b3c4d .* from registrar 0x000000b2 added");

        using var pu = await AsapClient.ConnectAsync(asap);
        await pu.SendAsync(new AsapHandleResolution(EchoPool));
        var resolution = Assert.IsType<AsapHandleResolutionResponse>(await pu.ReceiveAsync());
        Assert.Equal([0x1a2b3c4du], resolution.PoolElements.Select(element => element.Identifier));
        Assert.Empty(registrar.LinesMatching("new ENRP peer 0x0bad0001"));
        Assert.Single(registrar.LinesMatching("ENRP association from 127\\.0\\.0\\.2 refused"));

        using var http = new HttpClient();
        string metrics = await http.GetStringAsync(new Uri(new Uri(url), "metrics"));
        Assert.Contains("rserpool_enrp_refused_total{reason=\"not_allowed\"} 1\n", metrics, StringComparison.Ordinal);
    }

    private static async Task<(RserpoolProcess Process, IPEndPoint Asap, IPEndPoint Enrp)> StartRegistrarAsync(string serverId, params string[] extra)
    {
        var process = RserpoolProcess.Start(["registrar", "--asap", "127.0.0.1:0", "--asap-announce", "off", "--enrp", "127.0.0.1:0",
            "--enrp-transport", "tcp", "--server-id", serverId, "--keep-alive-interval", "30s", "--log-level", "debug", .. extra]);
        var ready = await process.WaitForLineAsync(@"ready: ASAP on TCP 127\.0\.0\.1:(\d+), ENRP on TCP 127\.0\.0\.1:(\d+)");
        return (process,
            new IPEndPoint(IPAddress.Loopback, int.Parse(ready.Groups[1].Value, CultureInfo.InvariantCulture)),
            new IPEndPoint(IPAddress.Loopback, int.Parse(ready.Groups[2].Value, CultureInfo.InvariantCulture)));
    }

    // Bytes received until the registrar closes the connection (bounded: 10 s).
    private static async Task<int> ReadUntilClosedAsync(Socket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[4096];
        int total = 0;
        try
        {
            for (int read; (read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token)) > 0;)
            {
                total += read;
            }
        }
        catch (SocketException)
        {
            // A reset is a close too.
        }

        return total;
    }
}
