using System.Globalization;
using BenchmarkDotNet.Running;
using RSerPool.Benchmarks.Handlespace;

namespace RSerPool.Benchmarks;

// Entry point: `dotnet run -c Release --project tests/Benchmarks -- --filter '*'` (BenchmarkDotNet), or
// `dotnet run -c Release --project tests/Benchmarks -- handlespace-harness [RUNS]` (plain harness, docs/bench-handlespace.md),
// `... -- session-throughput [RUNS] [REQUESTS] [WINDOW]`, `... -- failover-latency RSERPOOL_DLL [RUNS] [TRIALS]` (docs/bench-session.md),
// `... -- enrp-harness [RUNS] [RSERPOOL_DLL] [propagation|reregistration|sync|sync-process|sync-process-defaults|takeover]` (docs/bench-enrp.md),
// `... -- registrar-memory RSERPOOL_DLL [RUNS] [PES] [--types]`, `... -- registrar-memory-inproc [PES] [--hold]`, `... -- heap-types PID [TOP]`, `... -- cold-start RSERPOOL_DLL [RUNS]`,
// `... -- startup RUNS WARMUP_SECONDS LABEL=RSERPOOL_DLL[,ENV=VALUE...]...` (issue 14: exec to first registration answered, warm-up; docs/bench-registrar.md),
// `... -- keepalive-timing RSERPOOL_DLL [TRIALS] [REGISTRAR_ARGS...]` (docs/bench-akka.md, scripts/bench-compare.sh),
// `... -- fairness RSERPOOL_DLL [REQUESTS] [FLOODERS] [REGISTRAR_ARGS...]` (issue 13: another PU's p99 under a resolution flood),
// `... -- pool-watch-latency [RUNS] [REGISTRATIONS]`, `... -- pool-watch-registration [RUNS] [ROUNDS]`, `... -- pool-watch-serialization [RUNS] [ITERATIONS]` (issue 15: membership watch, docs/cluster.md),
// `... -- tls-cost [ROUNDS] [REQUESTS_PER_CONNECTION] [HANDSHAKES] [CONNECTIONS]`, `... -- tls-cost-process RSERPOOL_DLL [ROUNDS] [REQUESTS_PER_CONNECTION] [CONNECTIONS]` (issue 17: TLS against plaintext, docs/bench-registrar.md),
// `... -- registrar-idle-memory RSERPOOL_DLL [ROUNDS] [PES] [RESOLUTIONS] [REGISTRAR_ARGS...]` (issue 14: RSS back to idle, docs/bench-registrar.md).
public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length > 1 && args[0] == "handlespace-harness" && args[1] == "vs-rsplib")
        {
            HandlespaceVersusRsplib.Run(Arg(args, 2, 100_000), args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 0.25, args.Length > 4 ? args[4] : null);
            return;
        }

        if (args.Length > 1 && args[0] == "tls-cost-process")
        {
            int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
            Tls.TlsCostHarness.RunProcessesAsync(args[1], Arg(2, 5), Arg(3, 4_000), Arg(4, 16)).GetAwaiter().GetResult();
            return;
        }

        if (args.Length > 0 && args[0] == "tls-cost")
        {
            int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
            Tls.TlsCostHarness.RunAsync(Arg(1, 5), Arg(2, 2_000), Arg(3, 400), Arg(4, 16)).GetAwaiter().GetResult();
            return;
        }

        if (args.Length > 0 && args[0] == "pool-watch-latency")
        {
            Cluster.PoolWatchHarness.RunLatency(Arg(args, 1, 5), Arg(args, 2, 1000));
            return;
        }
        if (args.Length > 0 && args[0] == "pool-watch-serialization")
        {
            Cluster.PoolWatchHarness.RunSerialization(Arg(args, 1, 5), Arg(args, 2, 100_000));
            return;
        }
        if (args.Length > 0 && args[0] == "pool-watch-registration")
        {
            Cluster.PoolWatchHarness.RunRegistration(Arg(args, 1, 5), Arg(args, 2, 10));
            return;
        }

        if (args.Length > 0 && args[0] == "handlespace-harness")
        {
            HandlespaceHarness.Run(Arg(args, 1, 5));
            return;
        }
        if (args.Length > 0 && args[0] == "handlespace-memory")
        {
            HandlespaceMemoryHarness.Run(Arg(args, 1, 1_000_000), Arg(args, 2, 5));
            return;
        }
        if (args.Length > 0 && args[0] == "handlespace-registration")
        {
            HandlespaceRegistrationHarness.Run(Arg(args, 1, 100_000), Arg(args, 2, 5));
            return;
        }
        if (args.Length > 0 && args[0] == "session-throughput")
        {
            Session.SessionThroughputHarness.Run(Arg(args, 1, 5), Arg(args, 2, 100_000), Arg(args, 3, 16));
            return;
        }
        if (args.Length > 1 && args[0] == "failover-latency")
        {
            Session.FailoverLatencyHarness.Run(args[1], Arg(args, 2, 5), Arg(args, 3, 100));
            return;
        }
        if (args.Length > 1 && args[0] == "cluster-harness")
        {
            Enrp.ClusterHarness.Run(args[1], Arg(args, 2, 5), args.Length > 3 ? args[3] : "takeover,join,overhead");
            return;
        }
        if (args.Length > 0 && args[0] == "enrp-harness")
        {
            Enrp.EnrpHarness.Run(Arg(args, 1, 5), args.Length > 2 && args[2] != "-" ? args[2] : null, args.Length > 3 ? args[3] : null);
            return;
        }
        if (args.Length > 1 && args[0] == "registrar-memory")
        {
            Processes.RegistrarMemoryHarness.Run(args[1], Arg(args, 2, 1), Arg(args, 3, 100_000), args.Contains("--types"));
            return;
        }
        if (args.Length > 0 && args[0] == "registrar-memory-inproc")
        {
            Processes.InProcessRegistrarMemoryHarness.Run(Arg(args, 1, 100_000), args.Contains("--hold"));
            return;
        }
        if (args.Length > 1 && args[0] == "heap-types")
        {
            Processes.HeapHistogram.Print(Arg(args, 1, 0), Arg(args, 2, 25));
            return;
        }
        if (args.Length > 1 && args[0] == "cold-start")
        {
            Processes.ColdStartHarness.Run(args[1], Arg(args, 2, 5));
            return;
        }
        if (args.Length > 3 && args[0] == "startup")
        {
            Processes.StartupHarness.Run(Arg(args, 1, 5), Arg(args, 2, 0), args[3..]);
            return;
        }
        if (args.Length > 1 && args[0] == "keepalive-timing")
        {
            Processes.KeepAliveTimingHarness.Run(args[1], Arg(args, 2, 10), args.Length > 3 ? args[3..] : []);
            return;
        }
        if (args.Length > 1 && args[0] == "fairness")
        {
            Processes.FairnessHarness.Run(args[1], Arg(args, 2, 1000), Arg(args, 3, 4), args.Length > 4 ? args[4..] : []);
            return;
        }
        if (args.Length > 1 && args[0] == "registrar-idle-memory")
        {
            Processes.RegistrarIdleMemoryHarness.Run(args[1], Arg(args, 2, 3), Arg(args, 3, 32_000), Arg(args, 4, 1_000_000), args.Length > 5 ? args[5..] : []);
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }

    private static int Arg(string[] args, int index, int fallback) =>
        args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
}
