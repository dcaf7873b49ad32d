using System.Diagnostics;
using System.Globalization;
using System.Net;
using RSerPool.Benchmarks.Enrp;
using RSerPool.Hosts.Tests.Support;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;

namespace RSerPool.Benchmarks.Processes;

/// <summary>
/// Timer precision of a real <c>rserpool registrar</c> (issue 12: Akka's scheduler ticks every 10 ms by default and must
/// not slow keep-alives). Keep-alive interval and timeout 500 ms each (RFC 5352 §3.5: a PE that does not answer the
/// Endpoint Keep Alive is removed). Per trial a raw ASAP connection registers one PE in a pool of its own and never
/// answers; the harness reads when the Endpoint Keep Alive arrives and then polls Handle Resolutions (every ~1 ms) until
/// the pool no longer resolves. The figures are the lateness against the configured times: Keep Alive arrival minus
/// (registration response + interval), removal minus (Keep Alive + timeout), and both together against interval +
/// timeout. Extra arguments go to the registrar (e.g. <c>--config</c> with another <c>akka.scheduler.tick-duration</c>).
/// </summary>
public static class KeepAliveTimingHarness
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan StepLimit = TimeSpan.FromSeconds(10);

    public static void Run(string rserpoolDll, int trials, string[] registrarArguments)
    {
        string dll = Path.GetFullPath(rserpoolDll);
        Console.WriteLine($"keep-alive timing: {trials} trials, interval {Interval.TotalMilliseconds} ms + timeout {Timeout.TotalMilliseconds} ms, {dll} {string.Join(' ', registrarArguments)}; load {File.ReadAllText("/proc/loadavg").Trim()}");
        var (keepAlive, removal, total) = MeasureAsync(dll, trials, registrarArguments).GetAwaiter().GetResult();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"lateness over {trials} trials (median / max): keep-alive {Median(keepAlive):F1} / {keepAlive.Max():F1} ms, removal after it {Median(removal):F1} / {removal.Max():F1} ms, "
            + $"registration to removal {Median(total):F1} / {total.Max():F1} ms beyond {(Interval + Timeout).TotalMilliseconds} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT keepalive-late-ms {Median(keepAlive):F1}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT removal-late-ms {Median(removal):F1}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT silent-pe-late-ms {Median(total):F1}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT silent-pe-late-max-ms {total.Max():F1}"));
    }

    private static async Task<(List<double> KeepAlive, List<double> Removal, List<double> Total)> MeasureAsync(string dll, int trials, string[] extra)
    {
        await using var registrar = RserpoolProcess.StartExecutable(dll, ["registrar", "--asap", "127.0.0.1:0", "--asap-announce", "off", "--enrp", "off",
            "--keep-alive-interval", $"{Interval.TotalMilliseconds}ms", "--keep-alive-timeout", $"{Timeout.TotalMilliseconds}ms", "--max-hr-rate", "0", "--max-hr-rate-per-host", "0", "--max-registration-life", "24h", .. extra]);
        var ready = await registrar.WaitForLineAsync(@"ready: ASAP on TCP 127\.0\.0\.1:(\d+)").ConfigureAwait(false);
        var asap = new IPEndPoint(IPAddress.Loopback, int.Parse(ready.Groups[1].Value, CultureInfo.InvariantCulture));
        using var pu = await AsapProbeClient.ConnectAsync(asap).ConfigureAwait(false);
        var keepAlive = new List<double>();
        var removal = new List<double>();
        var total = new List<double>();
        for (int trial = 0; trial <= trials; trial++)
        {
            var handle = PoolHandle.FromString($"KeepAlive{trial}");
            using var pe = await AsapProbeClient.ConnectAsync(asap).ConfigureAwait(false);
            var response = (AsapRegistrationResponse)await pe.RequestAsync(new AsapRegistration(handle, EnrpWorkload.Element((uint)(trial + 1)))).ConfigureAwait(false);
            long registered = Stopwatch.GetTimestamp();
            if (response.Rejected)
            {
                throw new InvalidOperationException("registration rejected");
            }

            var message = await pe.ReceiveAsync(skipKeepAlives: false).ConfigureAwait(false);
            long keptAlive = Stopwatch.GetTimestamp();
            if (message is not AsapEndpointKeepAlive)
            {
                throw new InvalidOperationException($"expected an Endpoint Keep Alive, got {message.GetType().Name}");
            }

            while (true)
            {
                var answer = (AsapHandleResolutionResponse)await pu.RequestAsync(new AsapHandleResolution(handle, 1)).ConfigureAwait(false);
                if (answer.Error is not null || answer.PoolElements.Count == 0)
                {
                    break;
                }

                if (Stopwatch.GetElapsedTime(keptAlive) > StepLimit)
                {
                    throw new TimeoutException($"silent PE of {handle} not removed within {StepLimit}");
                }

                await Task.Delay(1).ConfigureAwait(false);
            }

            long removed = Stopwatch.GetTimestamp();
            if (trial == 0)
            {
                continue; // warm-up: the registrar's keep-alive and removal paths run for the first time
            }

            keepAlive.Add((Stopwatch.GetElapsedTime(registered, keptAlive) - Interval).TotalMilliseconds);
            removal.Add((Stopwatch.GetElapsedTime(keptAlive, removed) - Timeout).TotalMilliseconds);
            total.Add((Stopwatch.GetElapsedTime(registered, removed) - Interval - Timeout).TotalMilliseconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"trial {trial}: keep-alive {keepAlive[^1]:F1} ms late, removal {removal[^1]:F1} ms late, registration to removal {total[^1]:F1} ms late"));
        }

        return (keepAlive, removal, total);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[(sorted.Count - 1) / 2];
    }
}
