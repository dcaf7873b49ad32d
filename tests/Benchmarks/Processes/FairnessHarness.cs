using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using RSerPool.Benchmarks.Enrp;
using RSerPool.Hosts.Tests.Support;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;

namespace RSerPool.Benchmarks.Processes;

/// <summary>
/// Fairness of a real <c>rserpool registrar</c> under a resolution flood (issue 13: one PU flooding on 4 connections
/// raised another PU's p99 from 11 ms to 37 ms; the target is within 2× idle). One PE is registered; a victim PU sends
/// <c>requests</c> Handle Resolutions one at a time (5 ms apart) while idle, then again while <c>flooders</c>
/// connections each keep a window of resolutions outstanding as fast as the registrar answers them. Bounded: the
/// flood lasts as long as the victim's second round; every read has a timeout. Prints p50/p99 of both rounds and the
/// ratio. Extra arguments go to the registrar.
/// </summary>
public static class FairnessHarness
{
    private const int FloodWindow = 256;

    public static void Run(string rserpoolDll, int requests, int flooders, string[] registrarArguments)
    {
        string dll = Path.GetFullPath(rserpoolDll);
        Console.WriteLine($"fairness: {requests} victim resolutions idle and under a flood of {flooders} connections; {dll} {string.Join(' ', registrarArguments)}; load {File.ReadAllText("/proc/loadavg").Trim()}");
        var (idle, flooded, floodAnswers) = MeasureAsync(dll, requests, flooders, registrarArguments).GetAwaiter().GetResult();
        double ratio = Percentile(flooded, 0.99) / Percentile(idle, 0.99);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"victim idle p50 {Percentile(idle, 0.5):F2} ms p99 {Percentile(idle, 0.99):F2} ms; under flood p50 {Percentile(flooded, 0.5):F2} ms p99 {Percentile(flooded, 0.99):F2} ms ({ratio:F2}× idle); flood answered {floodAnswers}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT victim-p99-idle-ms {Percentile(idle, 0.99):F2}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT victim-p99-flood-ms {Percentile(flooded, 0.99):F2}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT victim-p99-ratio {ratio:F2}"));
    }

    private static async Task<(List<double> Idle, List<double> Flooded, long FloodAnswers)> MeasureAsync(string dll, int requests, int flooders, string[] extra)
    {
        await using var registrar = RserpoolProcess.StartExecutable(dll, ["registrar", "--asap", "127.0.0.1:0", "--asap-announce", "off", "--enrp", "off",
            "--keep-alive-interval", "30s", .. extra]);
        var ready = await registrar.WaitForLineAsync(@"ready: ASAP on TCP 127\.0\.0\.1:(\d+)").ConfigureAwait(false);
        var asap = new IPEndPoint(IPAddress.Loopback, int.Parse(ready.Groups[1].Value, CultureInfo.InvariantCulture));
        var handle = PoolHandle.FromString("FairPool");
        using var pe = await AsapProbeClient.ConnectAsync(asap).ConfigureAwait(false);
        if (((AsapRegistrationResponse)await pe.RequestAsync(new AsapRegistration(handle, EnrpWorkload.Element(1))).ConfigureAwait(false)).Rejected)
        {
            throw new InvalidOperationException("registration rejected");
        }

        using var victim = await AsapProbeClient.ConnectAsync(asap).ConfigureAwait(false);
        await VictimRoundAsync(victim, handle, requests / 10).ConfigureAwait(false);            // warm-up
        var idle = await VictimRoundAsync(victim, handle, requests).ConfigureAwait(false);

        using var stop = new CancellationTokenSource();
        long answers = 0;
        var floods = Enumerable.Range(0, flooders).Select(_ => Task.Run(async () =>
        {
            long answered = await FloodAsync(asap, handle, stop.Token).ConfigureAwait(false);
            Interlocked.Add(ref answers, answered);
        })).ToList();
        var flooded = await VictimRoundAsync(victim, handle, requests).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(floods).ConfigureAwait(false);
        return (idle, flooded, answers);
    }

    private static async Task<List<double>> VictimRoundAsync(AsapProbeClient victim, PoolHandle handle, int requests)
    {
        var latencies = new List<double>(requests);
        int refused = 0;
        for (int i = 0; i < requests; i++)
        {
            long start = Stopwatch.GetTimestamp();
            if (await victim.RequestAsync(new AsapHandleResolution(handle, 1)).ConfigureAwait(false) is not AsapHandleResolutionResponse answer)
            {
                throw new InvalidOperationException("unexpected answer");
            }
            if (answer.Error is not null)
            {
                refused++;
            }
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            await Task.Delay(5).ConfigureAwait(false);
        }
        // A victim refused by the rate limit (its host's budget taken by the flood) measures refusals, not service.
        Console.WriteLine($"victim round: {requests} resolutions, {refused} refused by a rate limit");
        return latencies;
    }

    // Keeps FloodWindow resolutions outstanding: sends a window, then one more per answer read, until stopped.
    private static async Task<long> FloodAsync(IPEndPoint asap, PoolHandle handle, CancellationToken stop)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(asap).ConfigureAwait(false);
        byte[] one = AsapEncoder.EncodeToArray(new AsapHandleResolution(handle, 1));
        byte[] window = Enumerable.Repeat(one, FloodWindow).SelectMany(m => m).ToArray();
        await socket.SendAsync(window, SocketFlags.None).ConfigureAwait(false);
        var buffer = new byte[64 * 1024];
        long answered = 0;
        int carry = 0;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
                timeout.CancelAfter(TimeSpan.FromSeconds(10));
                int read = await socket.ReceiveAsync(buffer.AsMemory(carry), SocketFlags.None, timeout.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }
                int end = carry + read;
                int offset = 0;
                int complete = 0;
                while (end - offset >= 4)
                {
                    int length = (((buffer[offset + 2] << 8) | buffer[offset + 3]) + 3) & ~3;
                    if (end - offset < length)
                    {
                        break;
                    }
                    offset += length;
                    complete++;
                }
                carry = end - offset;
                Buffer.BlockCopy(buffer, offset, buffer, 0, carry);
                answered += complete;
                if (complete > 0)
                {
                    await socket.SendAsync(complete == FloodWindow ? window : Enumerable.Repeat(one, complete).SelectMany(m => m).ToArray(), SocketFlags.None).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped (or the registrar went silent for 10 s).
        }
        return answered;
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }
}
