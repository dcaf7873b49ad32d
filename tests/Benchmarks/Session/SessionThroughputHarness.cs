using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using RSerPool.Actors.Api;
using Akka.Actor;
using RSerPool.Benchmarks.Registrar;
using RSerPool.Wire.Parameters;
using RSerPool.Actors.Session;

namespace RSerPool.Benchmarks.Session;

/// <summary>
/// Issue 5 benchmark 2: request/response rate of a PU session (TCP shim, echo service, a window of requests in flight)
/// against a plain .NET TCP echo server driven the same way, in the same run; prints both rates and their ratio per run,
/// then the medians. Bounded: a fixed number of requests per run.
/// </summary>
public static class SessionThroughputHarness
{
    private const int PayloadLength = 64;

    public static void Run(int runs, int requests, int window)
    {
        Console.WriteLine($"session throughput: {runs} runs x {requests} requests of {PayloadLength} B, window {window}");
        var ratios = new List<double>();
        var sessionRates = new List<double>();
        var echoRates = new List<double>();
        SessionRateAsync(requests / 10, window).GetAwaiter().GetResult(); // warm-up (tiered compilation)
        PlainEchoRateAsync(requests / 10, window).GetAwaiter().GetResult();
        for (int run = 1; run <= runs; run++)
        {
            double echo = PlainEchoRateAsync(requests, window).GetAwaiter().GetResult();
            double session = SessionRateAsync(requests, window).GetAwaiter().GetResult();
            echoRates.Add(echo);
            sessionRates.Add(session);
            ratios.Add(session / echo);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run}: session {session:F0}/s, plain TCP echo {echo:F0}/s, ratio {100 * session / echo:F1} %"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median: session {Median(sessionRates):F0}/s, plain TCP echo {Median(echoRates):F0}/s, ratio {100 * Median(ratios):F1} % (target >= 70 %)"));
    }

    private static async Task<double> SessionRateAsync(int requests, int window)
    {
        var system = ActorSystem.Create("session-throughput");
        try
        {
            await using var server = await PoolElementServer.StartAsync(system, new IPEndPoint(IPAddress.Loopback, 0), new EchoingService(), PoolElementServerOptions.Default);
            var element = new PoolElement(1, 0, 60_000, server.ToUserTransport(), PoolMemberSelectionPolicy.RoundRobin());
            var resolver = system.ActorOf(FixedResolverActor.Props(element), "resolver");
            var options = PoolSessionOptions.Default with { HeartbeatInterval = null };
            await using var session = await PoolSession.ConnectAsync(system, resolver, PoolHandle.FromString("BenchPool"), options);
            var payload = new byte[PayloadLength];
            using var inFlight = new SemaphoreSlim(window);
            var clock = Stopwatch.StartNew();
            var sending = Task.Run(async () =>
            {
                for (int i = 0; i < requests; i++)
                {
                    await inFlight.WaitAsync();
                    await session.SendAsync(payload);
                }
            });
            var receiving = Task.Run(async () =>
            {
                for (int i = 0; i < requests; i++)
                {
                    await session.ReceiveAsync();
                    inFlight.Release(); // each answer frees one slot of the window
                }
            });
            await receiving.WaitAsync(TimeSpan.FromMinutes(2));
            clock.Stop();
            await sending;
            return requests / clock.Elapsed.TotalSeconds;
        }
        finally
        {
            await system.Terminate();
        }
    }

    private static async Task<double> PlainEchoRateAsync(int requests, int window)
    {
        using var server = new TcpEchoServer();
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await client.ConnectAsync(server.EndPoint);
        var payload = new byte[PayloadLength];
        var clock = Stopwatch.StartNew();
        using var inFlight = new SemaphoreSlim(window);
        var sending = Task.Run(async () =>
        {
            for (int i = 0; i < requests; i++)
            {
                await inFlight.WaitAsync();
                await client.SendAsync(payload, SocketFlags.None);
            }
        });
        var buffer = new byte[64 * 1024];
        long expected = (long)requests * PayloadLength;
        long received = 0;
        while (received < expected)
        {
            int read = await client.ReceiveAsync(buffer, SocketFlags.None).WaitAsync(TimeSpan.FromMinutes(2));
            if (read == 0)
            {
                throw new IOException("echo server closed");
            }
            long before = received / PayloadLength;
            received += read;
            int completed = (int)(received / PayloadLength - before);
            if (completed > 0)
            {
                inFlight.Release(completed);
            }
        }
        await sending;
        clock.Stop();
        return requests / clock.Elapsed.TotalSeconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
