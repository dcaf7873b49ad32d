using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using RSerPool.Benchmarks.Registrar;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;

namespace RSerPool.Benchmarks.Processes;

/// <summary>
/// Start-up and warm-up of <c>rserpool registrar</c> (issue 14), for several variants in interleaved rounds (variant A
/// run 1, variant B run 1, A run 2, ...). A variant is <c>LABEL=PATH/rserpool.dll[,NAME=VALUE...]</c>: a build or a
/// publish (or <c>PATH/rserpool</c>, the apphost of a self-contained publish), with environment settings such as <c>DOTNET_ReadyToRun=0</c>, registrar flags (<c>--config=FILE</c>) and
/// <c>WRAP=PROGRAM</c> to run under e.g. <c>/usr/bin/qemu-x86_64</c> (TCG, the lab guest's emulator, in user mode). Each run starts a new process on a free
/// loopback ASAP port, tries to connect from just after the exec (every millisecond, bounded), sends a Registration on
/// the first connection that is accepted and records: exec to accepted, exec to the Registration Response, exec to the
/// <c>ready:</c> line read, and the process's own <c>start-up:</c> line (src/Hosts/Hosting/StartupTimeline.cs). With
/// <c>warmup</c> seconds &gt; 0 it then sends Handle Resolutions closed-loop on one association for that long and
/// prints the rate per second, and the second from which every second reaches 80 % of the last quarter's median
/// (a shared machine's noise makes a tighter bound meaningless).
/// </summary>
public static partial class StartupHarness
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
    private static readonly PoolHandle Handle = PoolHandle.FromString("StartupPool");

    public static void Run(int runs, int warmupSeconds, IReadOnlyList<string> variants)
    {
        var parsed = variants.Select(Variant.Parse).ToArray();
        Console.WriteLine($"start-up: {runs} interleaved rounds of {parsed.Length} variants, warm-up load {warmupSeconds} s; load {File.ReadAllText("/proc/loadavg").Trim()}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        var results = parsed.ToDictionary(v => v.Label, _ => new List<Sample>());
        for (int round = 1; round <= runs; round++)
        {
            foreach (Variant variant in parsed)
            {
                Sample sample = MeasureAsync(variant, warmupSeconds).GetAwaiter().GetResult();
                results[variant.Label].Add(sample);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{variant.Label} run {round}: accepted {sample.AcceptedMs:F0} ms, registration answered {sample.AnsweredMs:F0} ms, ready line {sample.ReadyMs:F0} ms, CPU {sample.CpuMs:F0} ms; {sample.Timeline}"));
                if (sample.RatePerSecond.Count > 0)
                {
                    Console.WriteLine($"{variant.Label} run {round}: resolutions/s by second: {string.Join(' ', sample.RatePerSecond.Select(r => r.ToString("F0", CultureInfo.InvariantCulture)))}; steady from second {sample.SteadyFromSecond}");
                }
            }
        }

        Console.WriteLine($"medians ({runs} runs each); load {File.ReadAllText("/proc/loadavg").Trim()}");
        foreach (Variant variant in parsed)
        {
            var samples = results[variant.Label];
            string line = string.Create(CultureInfo.InvariantCulture,
                $"RESULT {variant.Label}: accepted {Median(samples.Select(s => s.AcceptedMs)):F0} ms, answered {Median(samples.Select(s => s.AnsweredMs)):F0} ms (min {samples.Min(s => s.AnsweredMs):F0}, max {samples.Max(s => s.AnsweredMs):F0}), ready {Median(samples.Select(s => s.ReadyMs)):F0} ms, process CPU time when answered {Median(samples.Select(s => s.CpuMs)):F0} ms, JIT {Median(samples.Select(s => s.JitMs)):F0} ms / {Median(samples.Select(s => s.JitMethods)):F0} methods");
            if (warmupSeconds > 0)
            {
                line += string.Create(CultureInfo.InvariantCulture,
                    $", steady from second {Median(samples.Select(s => (double)s.SteadyFromSecond)):F0}, first second {Median(samples.Select(s => s.RatePerSecond[0])):F0}/s, steady {Median(samples.Select(s => s.SteadyRate)):F0}/s");
            }

            Console.WriteLine(line);
            foreach (var phase in samples[0].Phases.Keys)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {variant.Label} {phase}: median {Median(samples.Select(s => s.Phases.GetValueOrDefault(phase))):F0} ms"));
            }
        }
    }

    private static async Task<Sample> MeasureAsync(Variant variant, int warmupSeconds)
    {
        int port = FreePort();
        // A .dll runs on `dotnet`; anything else (the apphost of a self-contained publish) runs as it is.
        bool dll = variant.Dll.EndsWith(".dll", StringComparison.Ordinal);
        var info = new ProcessStartInfo(dll ? "dotnet" : variant.Dll) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (dll)
        {
            info.ArgumentList.Add(variant.Dll);
        }

        foreach (string arg in new[] { "registrar", "--asap", $"127.0.0.1:{port}", "--asap-announce", "off", "--enrp", "127.0.0.1:0", "--max-hr-rate", "0", "--max-hr-rate-per-host", "0", "--keep-alive-interval", "10m" })
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in variant.Environment)
        {
            if (name == "WRAP")
            {
                // Run under another program, e.g. WRAP=/usr/bin/qemu-x86_64 (user-mode TCG, as in the lab guest).
                info.ArgumentList.Insert(0, dll ? DotnetPath() : info.FileName);
                info.FileName = value;
            }
            else if (name.StartsWith("--", StringComparison.Ordinal))
            {
                info.ArgumentList.Add(name);
                info.ArgumentList.Add(value);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        var ready = new TaskCompletionSource<double>(TaskCreationOptions.RunContinuationsAsynchronously);
        var timeline = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = new Process { StartInfo = info };
        long start = Stopwatch.GetTimestamp();
        var tail = new Queue<string>();
        void Keep(string? line)
        {
            lock (tail)
            {
                if (line is not null)
                {
                    tail.Enqueue(line);
                }

                while (tail.Count > 20)
                {
                    tail.Dequeue();
                }
            }
        }

        process.OutputDataReceived += (_, e) =>
        {
            Keep(e.Data);
            if (e.Data is { } line && line.Contains(" ready: ", StringComparison.Ordinal))
            {
                ready.TrySetResult(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
            else if (e.Data is { } text && text.Contains(" start-up: ", StringComparison.Ordinal))
            {
                timeline.TrySetResult(text);
            }
        };
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var endPoint = new IPEndPoint(IPAddress.Loopback, port);
            PipelinedAsapClient client = await ConnectAsSoonAsAcceptedAsync(endPoint, start).ConfigureAwait(false);
            using (client)
            {
                double accepted = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                var element = new PoolElement(0x5a5a0001, 0, 600_000, new TcpTransport(7001, TransportUse.DataOnly, [IPAddress.Loopback]), PoolMemberSelectionPolicy.RoundRobin());
                await client.RoundTripAsync(AsapEncoder.EncodeToArray(new AsapRegistration(Handle, element)), 1, (byte)AsapMessageType.RegistrationResponse).WaitAsync(Limit).ConfigureAwait(false);
                double answered = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                double cpu = ProcessCpu.Milliseconds(process.Id);
                double readyMs = await ready.Task.WaitAsync(Limit).ConfigureAwait(false);
                string line = await timeline.Task.WaitAsync(Limit).ConfigureAwait(false);
                var sample = new Sample(accepted, answered, readyMs, line) { CpuMs = cpu };
                if (warmupSeconds > 0)
                {
                    // The load comes from a pool user on its own association (the PE's gets Keep Alives it does not answer).
                    using PipelinedAsapClient user = await PipelinedAsapClient.ConnectAsync(endPoint).ConfigureAwait(false);
                    await LoadAsync(user, sample, warmupSeconds).ConfigureAwait(false);
                }

                return sample;
            }
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or SocketException or TimeoutException)
        {
            lock (tail)
            {
                throw new InvalidOperationException($"{variant.Label}: {e.Message}; exited: {process.HasExited}; last output:\n{string.Join('\n', tail)}", e);
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)])!.WaitForExit();
                using var exit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                try
                {
                    await process.WaitForExitAsync(exit.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    process.Kill();
                }
            }
        }
    }

    // Closed loop, one Handle Resolution outstanding, counted per second of load.
    private static async Task LoadAsync(PipelinedAsapClient client, Sample sample, int seconds)
    {
        byte[] request = AsapEncoder.EncodeToArray(new AsapHandleResolution(Handle, 1));
        byte responseType = (byte)AsapMessageType.HandleResolutionResponse;
        var perSecond = new long[seconds];
        long start = Stopwatch.GetTimestamp();
        while (true)
        {
            int second = (int)Stopwatch.GetElapsedTime(start).TotalSeconds;
            if (second >= seconds)
            {
                break;
            }

            await client.RoundTripAsync(request, 1, responseType).WaitAsync(Limit).ConfigureAwait(false);
            perSecond[second]++;
        }

        sample.RatePerSecond.AddRange(perSecond.Select(n => (double)n));
        int tail = Math.Max(1, seconds / 4);
        sample.SteadyRate = Median(perSecond.Skip(seconds - tail).Select(n => (double)n));
        int steadyFrom = seconds;
        for (int s = seconds - 1; s >= 0 && perSecond[s] >= 0.8 * sample.SteadyRate; s--)
        {
            steadyFrom = s;
        }

        sample.SteadyFromSecond = steadyFrom;
    }

    private static async Task<PipelinedAsapClient> ConnectAsSoonAsAcceptedAsync(IPEndPoint endPoint, long start)
    {
        while (true)
        {
            try
            {
                return await PipelinedAsapClient.ConnectAsync(endPoint).ConfigureAwait(false);
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused && Stopwatch.GetElapsedTime(start) < Limit)
            {
                await Task.Delay(1).ConfigureAwait(false);
            }
        }
    }

    // The dotnet executable on PATH, for a wrapper that does not search PATH itself.
    private static string DotnetPath() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(dir => Path.Combine(dir, "dotnet")).FirstOrDefault(File.Exists) ?? "dotnet";

    private static int FreePort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    [GeneratedRegex(@"(?<phase>[a-zA-Z][a-zA-Z ]*?) (?<ms>\d+)(?: ms)?[,;]")]
    private static partial Regex PhasePattern();

    [GeneratedRegex(@"JIT (?<methods>\d+) methods in (?<ms>\d+) ms")]
    private static partial Regex JitPattern();

    private sealed record Variant(string Label, string Dll, IReadOnlyList<(string Name, string Value)> Environment)
    {
        public static Variant Parse(string text)
        {
            int equals = text.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new ArgumentException($"variant '{text}': LABEL=PATH/rserpool.dll[,NAME=VALUE...]");
            }

            string[] parts = text[(equals + 1)..].Split(',');
            var environment = parts.Skip(1).Select(p => p.Split('=', 2)).Select(p => (p[0], p.Length > 1 ? p[1] : "")).ToArray();
            return new Variant(text[..equals], Path.GetFullPath(parts[0]), environment);
        }
    }

    private sealed class Sample
    {
        public Sample(double accepted, double answered, double ready, string timeline)
        {
            AcceptedMs = accepted;
            AnsweredMs = answered;
            ReadyMs = ready;
            int at = timeline.IndexOf("start-up: ", StringComparison.Ordinal);
            Timeline = at >= 0 ? timeline[(at + 10)..].TrimEnd(' ', '{', '}') : timeline;
            foreach (Match match in PhasePattern().Matches(Timeline))
            {
                Phases[match.Groups["phase"].Value.Trim()] = double.Parse(match.Groups["ms"].Value, CultureInfo.InvariantCulture);
            }

            Match jit = JitPattern().Match(Timeline);
            JitMethods = jit.Success ? double.Parse(jit.Groups["methods"].Value, CultureInfo.InvariantCulture) : double.NaN;
            JitMs = jit.Success ? double.Parse(jit.Groups["ms"].Value, CultureInfo.InvariantCulture) : double.NaN;
        }

        public double AcceptedMs { get; }

        public double AnsweredMs { get; }

        public double ReadyMs { get; }

        public string Timeline { get; }

        public Dictionary<string, double> Phases { get; } = [];

        public double JitMethods { get; }

        public double JitMs { get; }

        public double CpuMs { get; init; }

        public List<double> RatePerSecond { get; } = [];

        public double SteadyRate { get; set; }

        public int SteadyFromSecond { get; set; }
    }
}
