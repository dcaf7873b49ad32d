using System.Diagnostics;
using System.Globalization;
using System.Net;
using RSerPool.Hosts.Tests.Support;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;
using RSerPool.Wire.Tests.Properties;
using Xunit;
using Xunit.Abstractions;

namespace RSerPool.Hosts.Tests.Processes;

/// <summary>
/// Issue 13 item 4: a real <c>rserpool registrar</c> on loopback takes mutated ASAP and ENRP messages (the shipped
/// vectors, damaged by the decoder fuzz harness's mutator) on several connections while a real PE stays registered and a
/// PU keeps resolving it. Fixed seed (RSERPOOL_FUZZ_SEED moves it), printed in the test output.
/// </summary>
public sealed class RegistrarFuzzProcessTests(ITestOutputHelper output)
{
    /// <summary>ASAP inputs of a default run; RSERPOOL_FUZZ_LIVE_INPUTS raises it (scripts/fuzz-soak.sh --live), ENRP gets a quarter.</summary>
    private const int DefaultAsapInputs = 20_000;
    private const int AsapConnections = 3;
    /// <summary>The fixed seed; RSERPOOL_FUZZ_SEED is added to it, as to the decoder properties' seeds.</summary>
    private const int DefaultSeed = 1313;

    /// <summary>Inputs per connection before the fuzzer ends it and connects again (if the registrar did not end it sooner).</summary>
    private const int InputsPerConnection = 500;

    /// <summary>Generous for a shared CI machine: the registrar starts at about 85 MB and stayed below 115 MB here.</summary>
    private const long RssBoundBytes = 300L * 1024 * 1024;

    private static readonly int AsapInputs = ReadPositive("RSERPOOL_FUZZ_LIVE_INPUTS", DefaultAsapInputs);
    private static readonly int EnrpInputs = AsapInputs / 4;

    // 90 s for the default run (about 3 s on an idle machine); a soak run gets time in proportion.
    private static readonly TimeSpan FuzzTimeout = TimeSpan.FromSeconds(90.0 * AsapInputs / DefaultAsapInputs);
    private static readonly TimeSpan SlowestResolutionBound = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_registrar_under_mutated_asap_and_enrp_stays_up_bounded_and_serving()
    {
        int offset = ReadPositive("RSERPOOL_FUZZ_SEED", 0);
        int seed = DefaultSeed + offset;
        output.WriteLine($"fuzz: seed {seed}, {AsapInputs} ASAP and {EnrpInputs} ENRP inputs; replay: "
            + $"{(offset == 0 ? string.Empty : $"RSERPOOL_FUZZ_SEED={offset} ")}{(AsapInputs == DefaultAsapInputs ? string.Empty : $"RSERPOOL_FUZZ_LIVE_INPUTS={AsapInputs} ")}dotnet test tests/Hosts.Tests -c Release --filter \"FullyQualifiedName~{nameof(RegistrarFuzzProcessTests)}\"");

        var registrar = RserpoolProcess.Start("registrar", "--asap", "127.0.0.1:0", "--asap-announce", "off", "--enrp", "127.0.0.1:0",
            "--status", "127.0.0.1:0", "--keep-alive-interval", "1s", "--keep-alive-timeout", "1s");
        await using var _ = registrar;
        var ready = await registrar.WaitForLineAsync(@"ready: ASAP on TCP 127\.0\.0\.1:(\d+), ENRP on TCP 127\.0\.0\.1:(\d+)");
        var asap = new IPEndPoint(IPAddress.Loopback, int.Parse(ready.Groups[1].Value, CultureInfo.InvariantCulture));
        var enrp = new IPEndPoint(IPAddress.Loopback, int.Parse(ready.Groups[2].Value, CultureInfo.InvariantCulture));
        string status = (await registrar.WaitForLineAsync(@"status on (http://127\.0\.0\.1:\d+/)status")).Groups[1].Value;

        // The well-behaved clients come from 127.0.0.1, the fuzzers from 127.0.0.2-5: per-host limits keep them apart.
        var server = RserpoolProcess.Start("server", "--pool", "FuzzSurvivorPool", "--service", "echo", "--registrar", asap.ToString(),
            "--asap-announce", "off", "--local", "127.0.0.1:0");
        await using var __ = server;
        uint pe = uint.Parse((await server.WaitForLineAsync(@"server ready: PE 0x([0-9a-f]{8})")).Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        long rssBefore = ReadRss(registrar.Id);

        var (asapCorpus, enrpCorpus) = LoadCorpus();
        using var cancel = new CancellationTokenSource(FuzzTimeout);
        var clock = Stopwatch.StartNew();
        var asapFuzzers = Enumerable.Range(0, AsapConnections)
            .Select(i => new FuzzConnection(asap, IPAddress.Parse($"127.0.0.{2 + i}"), enrp: false, PoolHandle.FromString($"FuzzProbe{i}"))).ToArray();
        await using var enrpFuzzer = new FuzzConnection(enrp, IPAddress.Parse("127.0.0.5"), enrp: true, probePool: null);
        Task[] fuzzing =
        [
            .. asapFuzzers.Select((fuzzer, i) => FuzzAsync(fuzzer, asapCorpus, (AsapInputs + AsapConnections - 1) / AsapConnections, seed + i, cancel.Token)),
            FuzzAsync(enrpFuzzer, enrpCorpus, EnrpInputs, seed + 100, cancel.Token),
        ];
        Task fuzzed = Task.WhenAll(fuzzing);

        // A PU resolves the pool all along; every answer must hold the PE and come in time.
        long maxRss = rssBefore;
        int resolutions = 0;
        TimeSpan slowest = TimeSpan.Zero;
        using (var pu = await AsapClient.ConnectAsync(asap))
        {
            while (!fuzzed.IsCompleted)
            {
                var started = Stopwatch.StartNew();
                await AssertResolvesAsync(pu, pe);
                slowest = started.Elapsed > slowest ? started.Elapsed : slowest;
                resolutions++;
                maxRss = Math.Max(maxRss, ReadRss(registrar.Id));
                await Task.WhenAny(fuzzed, Task.Delay(100, CancellationToken.None));
            }
        }

        await fuzzed;
        var elapsed = clock.Elapsed;
        maxRss = Math.Max(maxRss, ReadRss(registrar.Id));
        foreach (var fuzzer in asapFuzzers)
        {
            await fuzzer.DisposeAsync();
        }

        int connections = asapFuzzers.Sum(f => f.Connections) + enrpFuzzer.Connections;
        output.WriteLine($"fuzz: {AsapInputs} ASAP + {EnrpInputs} ENRP inputs in {elapsed.TotalSeconds:F1} s over {connections} connections "
            + $"({asapFuzzers.Sum(f => f.ClosedByRegistrar) + enrpFuzzer.ClosedByRegistrar} closed by the registrar, "
            + $"{asapFuzzers.Sum(f => f.LeftOpenByRegistrar) + enrpFuzzer.LeftOpenByRegistrar} left open after our close, "
            + $"{asapFuzzers.Sum(f => f.ProbesUnanswered)} probes unanswered, {asapFuzzers.Sum(f => f.Unsent) + enrpFuzzer.Unsent} inputs unsent); "
            + $"answers ASAP {asapFuzzers.Sum(f => f.Answers)} ({asapFuzzers.Sum(f => f.ErrorAnswers)} Error), ENRP {enrpFuzzer.Answers} ({enrpFuzzer.ErrorAnswers} Error); "
            + $"{resolutions} resolutions meanwhile, slowest {slowest.TotalMilliseconds:F0} ms; RSS {rssBefore >> 20} MB before, max {maxRss >> 20} MB; "
            + $"{registrar.Lines.Count} registrar log lines");

        // the registrar answered the garbage with valid messages only, and told the senders what was wrong
        Assert.All(asapFuzzers.Append(enrpFuzzer), fuzzer => Assert.Null(fuzzer.BadAnswer));
        Assert.True(asapFuzzers.Sum(f => f.ErrorAnswers) > AsapInputs / 10, "the registrar answered few ASAP inputs with an Error");
        Assert.True(connections <= (AsapInputs + EnrpInputs) / 10, $"{connections} connections: the registrar closed too many");
        Assert.Equal(0, asapFuzzers.Sum(f => f.LeftOpenByRegistrar) + enrpFuzzer.LeftOpenByRegistrar);
        Assert.Equal(0, asapFuzzers.Sum(f => f.ProbesUnanswered));
        Assert.True(asapFuzzers.Sum(f => f.Unsent) + enrpFuzzer.Unsent < (AsapInputs + EnrpInputs) / 100, "the registrar refused many inputs three times");
        Assert.True(resolutions >= 5, $"only {resolutions} resolutions during the fuzzing");
        Assert.True(slowest < SlowestResolutionBound, $"a resolution took {slowest.TotalMilliseconds:F0} ms");

        // still up, still serving, memory bounded, nothing unhandled
        Assert.False(registrar.HasExited, "the registrar exited");
        using (var newcomer = await AsapClient.ConnectAsync(asap))
        {
            var registration = new AsapRegistration(PoolHandle.FromString("FuzzSurvivorPool"),
                new PoolElement(0x0f0f0f0f, 0, 30000, new TcpTransport(7013, TransportUse.DataPlusControl, [IPAddress.Loopback]), PoolMemberSelectionPolicy.RoundRobin()));
            await newcomer.SendAsync(registration);
            var answer = Assert.IsType<AsapRegistrationResponse>(await newcomer.ReceiveAsync());
            Assert.False(answer.Rejected, $"registration rejected: {answer.Error}");
            using var pu = await AsapClient.ConnectAsync(asap);
            var ids = await AssertResolvesAsync(pu, pe);
            Assert.Contains(0x0f0f0f0fu, ids);
        }

        using (var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) })
        {
            Assert.Contains("\"pools\"", await http.GetStringAsync(new Uri(new Uri(status), "status")), StringComparison.OrdinalIgnoreCase);
        }

        Assert.True(maxRss < RssBoundBytes, $"registrar RSS reached {maxRss >> 20} MB");
        Assert.Empty(registrar.LinesMatching(@"\[ERR\]|Unhandled|^\s+at \S+\("));
        Assert.False(server.HasExited, "the PE exited");
    }

    private static async Task FuzzAsync(FuzzConnection fuzzer, byte[][] corpus, int inputs, int seed, CancellationToken cancel)
    {
        var random = new Random(seed);
        var mutator = new Mutator(random);
        for (int i = 0; i < inputs; i++)
        {
            var (input, thenClose) = NextInput(corpus, random, mutator);
            thenClose |= (i + 1) % InputsPerConnection == 0;
            if (thenClose)
            {
                await fuzzer.SyncAsync(cancel);
            }

            await fuzzer.SendAsync(input, thenClose, cancel);
        }

        await fuzzer.SyncAsync(cancel);
        await fuzzer.EndAsync();
    }

    // 1 in 20 a vector as it is; 1 in 100 raw, with whatever Message Length the mutation left, then the connection is
    // closed (a lying length would swallow the inputs after it); otherwise the mutated message framed with its own
    // length (docs/protocol-notes.md §2), so the registrar's decoder sees it.
    private static (byte[] Input, bool ThenClose) NextInput(byte[][] corpus, Random random, Mutator mutator)
    {
        byte[] source = corpus[random.Next(corpus.Length)];
        int pick = random.Next(100);
        if (pick < 5)
        {
            return (source, false);
        }

        byte[] mutated = mutator.Mutate(source, random.Next(Mutator.KindCount));
        if (mutated.Length >= 8 && random.Next(4) == 0)
        {
            mutated = mutator.Mutate(mutated, random.Next(Mutator.KindCount));
        }

        if (pick < 6 || mutated.Length < 4 || mutated.Length > 0xFFFF)
        {
            return (mutated, true);
        }

        byte[] framed = new byte[(mutated.Length + 3) & ~3];
        mutated.CopyTo(framed, 0);
        framed[2] = (byte)(mutated.Length >> 8);
        framed[3] = (byte)mutated.Length;
        return (framed, false);
    }

    private static async Task<uint[]> AssertResolvesAsync(AsapClient pu, uint pe)
    {
        await pu.SendAsync(new AsapHandleResolution(PoolHandle.FromString("FuzzSurvivorPool")));
        var resolution = Assert.IsType<AsapHandleResolutionResponse>(await pu.ReceiveAsync());
        uint[] ids = [.. resolution.PoolElements.Select(element => element.Identifier)];
        Assert.Contains(pe, ids);
        return ids;
    }

    private static (byte[][] Asap, byte[][] Enrp) LoadCorpus()
    {
        string directory = Path.Combine(AppContext.BaseDirectory, "Vectors");
        byte[] Load(string path) => Convert.FromHexString(string.Concat(File.ReadAllText(path).Where(char.IsAsciiHexDigit)));
        return (
            [.. Directory.GetFiles(directory, "asap-*.hex").Order(StringComparer.Ordinal).Select(Load)],
            [.. Directory.GetFiles(directory, "enrp-*.hex").Order(StringComparer.Ordinal).Select(Load)]);
    }

    // VmRSS of /proc/PID/status, in bytes.
    private static long ReadRss(int pid)
    {
        string line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    private static int ReadPositive(string variable, int fallback)
    {
        string? text = Environment.GetEnvironmentVariable(variable);
        return string.IsNullOrWhiteSpace(text) ? fallback
            : int.TryParse(text.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value > 0 ? value
            : throw new InvalidOperationException($"{variable}={text} is not a positive integer");
    }
}
