using System.Globalization;
using System.Net;
using System.Net.Sockets;
using RSerPool.Hosts.Tests.Support;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;
using Xunit;

namespace RSerPool.Hosts.Tests.Processes;

/// <summary>
/// Hostile or broken clients against a real <c>rserpool registrar</c> on loopback (issue 13 item 3): a client that
/// floods resolutions and never reads is not read further and is closed while another PU is served and the registrar's
/// memory stays bounded; stalled half-headers from one address neither block a real PE nor stay open; a client that
/// half-closes gets every answer; an Error for a bad message comes after the answers to earlier requests.
/// </summary>
public sealed class HostileClientProcessTests
{
    private static readonly PoolHandle Pool = PoolHandle.FromString("EchoPool");
    private static readonly byte[] ResolutionBytes = AsapEncoder.EncodeToArray(new AsapHandleResolution(Pool));

    private static async Task<(RserpoolProcess Process, IPEndPoint AsapEndPoint, string Config)> StartRegistrarAsync(string limits, params string[] extra)
    {
        var config = Path.Combine(Path.GetTempPath(), $"rserpool-{Guid.NewGuid():N}.conf");
        await File.WriteAllTextAsync(config, "rserpool.registrar.limits {\n" + limits + "\n}\n");
        var process = RserpoolProcess.Start(["registrar", "--asap", "127.0.0.1:0", "--asap-announce", "off", "--enrp", "off",
            "--keep-alive-interval", "30s", "--config", config, .. extra]);
        var ready = await process.WaitForLineAsync(@"ready: ASAP on TCP 127\.0\.0\.1:(\d+)");
        return (process, new IPEndPoint(IPAddress.Loopback, int.Parse(ready.Groups[1].Value, CultureInfo.InvariantCulture)), config);
    }

    private static async Task RegisterAsync(AsapClient pe, uint id)
    {
        await pe.SendAsync(new AsapRegistration(Pool,
            new PoolElement(id, 0, 90000, new TcpTransport(7001, TransportUse.DataOnly, [IPAddress.Loopback]), PoolMemberSelectionPolicy.RoundRobin())));
        Assert.False(Assert.IsType<AsapRegistrationResponse>(await pe.ReceiveAsync()).Rejected);
    }

    private static long RssBytes(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            }
        }
        throw new InvalidOperationException("no VmRSS");
    }

    private static byte[] Repeat(byte[] message, int count) => Enumerable.Repeat(message, count).SelectMany(m => m).ToArray();

    [Fact]
    public async Task A_client_that_floods_and_never_reads_is_closed_with_memory_bounded_while_another_pu_is_served()
    {
        // Rates unlimited: this is the defence against answers never drained. Under the default rate limits the flood is
        // also read only at its rate (docs/protocol-notes.md §9), so the kernel buffers fill, and the close comes, later.
        var (registrar, endPoint, config) = await StartRegistrarAsync("send-stall-timeout = 2s", "--max-hr-rate", "0", "--max-hr-rate-per-host", "0");
        await using var _ = registrar;
        try
        {
            using var pe = await AsapClient.ConnectAsync(endPoint);
            await RegisterAsync(pe, 0x0f100d01);
            using var pu = await AsapClient.ConnectAsync(endPoint);
            await pu.SendAsync(new AsapHandleResolution(Pool));
            Assert.IsType<AsapHandleResolutionResponse>(await pu.ReceiveAsync());
            long rssBefore = RssBytes(registrar.Id);

            // The flood: 100,000 resolutions per write, for at most 10 s or until the registrar stops taking them.
            using var flooder = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
            await flooder.ConnectAsync(endPoint);
            byte[] burst = Repeat(ResolutionBytes, 100_000);
            long sent = 0;
            using var floodTime = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var flood = Task.Run(async () =>
            {
                try
                {
                    while (true)
                    {
                        sent += await flooder.SendAsync(burst, SocketFlags.None, floodTime.Token);
                    }
                }
                catch (Exception e) when (e is OperationCanceledException or SocketException)
                {
                    // Blocked until the deadline, or the registrar closed the connection.
                }
            });

            // Meanwhile the other PU keeps being answered.
            var served = 0;
            var watch = System.Diagnostics.Stopwatch.StartNew();
            while (!flood.IsCompleted && served < 200)
            {
                var started = watch.Elapsed;
                await pu.SendAsync(new AsapHandleResolution(Pool));
                Assert.IsType<AsapHandleResolutionResponse>(await pu.ReceiveAsync());
                Assert.True(watch.Elapsed - started < TimeSpan.FromSeconds(2), $"a resolution of the other PU took {watch.Elapsed - started}");
                served++;
                await Task.Delay(20);
            }

            await registrar.WaitForLineAsync(@"closed: peer does not read");
            await flood;
            long growth = RssBytes(registrar.Id) - rssBefore;
            Assert.True(sent < 200L * 1024 * 1024, $"the registrar took {sent} bytes from a client that reads nothing");
            Assert.True(growth < 150L * 1024 * 1024, $"the registrar grew by {growth / (1024 * 1024)} MB");
            await pu.SendAsync(new AsapHandleResolution(Pool));
            Assert.Single(Assert.IsType<AsapHandleResolutionResponse>(await pu.ReceiveAsync()).PoolElements);
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Fact]
    public async Task Stalled_half_headers_from_one_host_are_closed_and_a_real_pe_still_registers()
    {
        var (registrar, endPoint, config) = await StartRegistrarAsync(
            "max-associations = 40\nmax-associations-per-host = 20\nfirst-message-timeout = 10s\npartial-frame-timeout = 3s", "--status", "127.0.0.1:0");
        string url = (await registrar.WaitForLineAsync(@"status on (http://127\.0\.0\.1:\d+/)status")).Groups[1].Value;
        await using var _ = registrar;
        var stalled = new List<Socket>();
        try
        {
            var attacker = IPAddress.Parse("127.0.0.2");
            for (int i = 0; i < 50; i++)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                stalled.Add(socket);
                socket.Bind(new IPEndPoint(attacker, 0));
                await socket.ConnectAsync(endPoint);
                await socket.SendAsync(new byte[] { 0x03, 0x00 }, SocketFlags.None);
            }

            using var pe = await AsapClient.ConnectAsync(endPoint);
            await RegisterAsync(pe, 0x0f100d02);

            // Every stalled connection ends (refused at once beyond the per-host limit, or closed after the timeout).
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            foreach (var socket in stalled)
            {
                try
                {
                    Assert.Equal(0, await socket.ReceiveAsync(new byte[16], SocketFlags.None, timeout.Token));
                }
                catch (SocketException)
                {
                    // Refused with a reset: ended too.
                }
            }
            // Logged through Akka's logger actor, so it may reach the output after the close reached the socket.
            await registrar.WaitForLineAsync("not completed within");

            // Each refusal and close is counted; the refusals are logged once for the address, not once each.
            using var http = new HttpClient();
            string metrics = await http.GetStringAsync(new Uri(new Uri(url), "metrics"));
            Assert.Contains("rserpool_asap_connection_events_total{cause=\"RefusedMaxPerHost\"} 30\n", metrics, StringComparison.Ordinal);
            Assert.Contains("rserpool_asap_connection_events_total{cause=\"ClosedPartialFrame\"} 20\n", metrics, StringComparison.Ordinal);
            Assert.Single(registrar.LinesMatching("refusing connections from 127\\.0\\.0\\.2"));
        }
        finally
        {
            stalled.ForEach(s => s.Dispose());
            File.Delete(config);
        }
    }

    [Fact]
    public async Task A_client_that_half_closes_after_100_requests_gets_100_answers()
    {
        var (registrar, endPoint, config) = await StartRegistrarAsync("");
        await using var _ = registrar;
        try
        {
            using var pe = await AsapClient.ConnectAsync(endPoint);
            await RegisterAsync(pe, 0x0f100d03);
            using var client = await AsapClient.ConnectAsync(endPoint);
            await client.SendRawAsync(Repeat(ResolutionBytes, 100));
            client.ShutdownSend();

            for (int i = 0; i < 100; i++)
            {
                Assert.Single(Assert.IsType<AsapHandleResolutionResponse>(await client.ReceiveAsync()).PoolElements);
            }
            await client.WaitUntilClosedAsync();
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Fact]
    public async Task An_error_for_a_bad_message_comes_after_the_answers_to_earlier_requests()
    {
        var (registrar, endPoint, config) = await StartRegistrarAsync("");
        await using var _ = registrar;
        try
        {
            using var pe = await AsapClient.ConnectAsync(endPoint);
            await RegisterAsync(pe, 0x0f100d04);
            using var client = await AsapClient.ConnectAsync(endPoint);
            byte[] unknown = [0x7f, 0x00, 0x00, 0x08, 0xde, 0xad, 0xbe, 0xef];
            await client.SendRawAsync([.. Repeat(ResolutionBytes, 200), .. unknown]);

            for (int i = 0; i < 200; i++)
            {
                Assert.IsType<AsapHandleResolutionResponse>(await client.ReceiveAsync());
            }
            Assert.IsType<AsapError>(await client.ReceiveAsync());
        }
        finally
        {
            File.Delete(config);
        }
    }
}
