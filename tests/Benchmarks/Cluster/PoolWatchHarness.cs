using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Configuration;
using RSerPool.Actors.Api;
using RSerPool.Actors.Cluster;
using RSerPool.Actors.Configuration;
using RSerPool.Actors.Registrar;
using RSerPool.Actors.Transport;
using RSerPool.Benchmarks.Registrar;
using RSerPool.Benchmarks.Support;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;
using AkkaCluster = Akka.Cluster.Cluster;

namespace RSerPool.Benchmarks.Cluster;

/// <summary>
/// Issue 15 figures of the membership watch (docs/cluster.md "Figures: membership watch"), two ActorSystems in this
/// process joined over loopback: a registrar node (registrar + pool watch) and a subscriber node.
/// <list type="bullet">
/// <item><c>pool-watch-latency [RUNS] [REGISTRATIONS]</c>: for each PE, from the moment its ASAP Registration is written
/// to the registrar's TCP socket until the <see cref="PoolChanged"/> (added) reaches the subscriber's actor on the other
/// node; one registration at a time. Per run p50/p99/max; the median over the runs.</item>
/// <item><c>pool-watch-registration [RUNS] [ROUNDS]</c>: re-registrations/s of 10,000 PEs over 100 pipelined connections
/// (as RegistrarReregistrationBenchmarks), interleaved: a standalone registrar (no cluster, no watch), a clustered one
/// with its watch and a remote subscriber where nothing changes (re-registrations publish nothing), and the same where
/// every re-registration changes the load (each one published).</item>
/// </list>
/// </summary>
public static class PoolWatchHarness
{
    private static readonly PoolHandle Handle = PoolHandle.FromString("BenchPool");

    public static void RunLatency(int runs, int registrations)
    {
        Console.WriteLine($"pool-watch-latency: {runs} runs x {registrations} registrations, PoolChanged serialized by hocon/cluster.conf's choice and by Hyperion, interleaved; loadavg {File.ReadAllText("/proc/loadavg").Trim()}");
        string[] variants = ["PoolChangedSerializer", "Hyperion"];
        var p50s = variants.ToDictionary(v => v, _ => new List<double>());
        var p99s = variants.ToDictionary(v => v, _ => new List<double>());
        var maxima = variants.ToDictionary(v => v, _ => new List<double>());
        for (int run = 1; run <= runs; run++)
        {
            foreach (string variant in variants)
            {
                double[] latencies = LatencyRunAsync(registrations, hyperion: variant == "Hyperion").GetAwaiter().GetResult();
                int slowest = Array.IndexOf(latencies, latencies.Max());
                double withoutFirst = latencies.Skip(1).Max();
                Array.Sort(latencies);
                double p50 = Percentile(latencies, 0.50), p99 = Percentile(latencies, 0.99), max = latencies[^1];
                p50s[variant].Add(p50);
                p99s[variant].Add(p99);
                maxima[variant].Add(withoutFirst);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"run {run} {variant}: p50 {p50:F2} ms, p99 {p99:F2} ms, max {max:F2} ms (registration #{slowest + 1}; max without the first {withoutFirst:F2} ms; {latencies.Length} events)"));
            }
        }

        foreach (string variant in variants)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"median of {runs} runs, {variant}: p50 {Median(p50s[variant]):F2} ms, p99 {Median(p99s[variant]):F2} ms, max without the first {Median(maxima[variant]):F2} ms"));
        }

        Console.WriteLine($"loadavg {File.ReadAllText("/proc/loadavg").Trim()}");
    }

    public static void RunRegistration(int runs, int rounds)
    {
        Console.WriteLine($"pool-watch-registration: {runs} runs x {rounds} rounds of 10,000 re-registrations, loadavg {File.ReadAllText("/proc/loadavg").Trim()}");
        string[] variants = ["standalone", "cluster+watch, unchanged", "cluster+watch, load changes"];
        var results = variants.ToDictionary(v => v, _ => new List<double>());
        var resolutions = variants.ToDictionary(v => v, _ => new List<double>());
        for (int run = 1; run <= runs; run++)
        {
            foreach (string variant in variants)
            {
                var (rate, resolutionRate) = RegistrationRunAsync(variant, rounds).GetAwaiter().GetResult();
                results[variant].Add(rate);
                resolutions[variant].Add(resolutionRate);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"run {run} {variant}: {rate:F0} re-registrations/s, {resolutionRate:F0} handle resolutions/s (16 associations); loadavg {File.ReadAllText("/proc/loadavg").Trim()}"));
            }
        }

        foreach (string variant in variants)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"median {variant}: {Median(results[variant]):F0} re-registrations/s, {Median(resolutions[variant]):F0} handle resolutions/s"));
        }

        Console.WriteLine($"loadavg {File.ReadAllText("/proc/loadavg").Trim()}");
    }

    /// <summary>
    /// <c>pool-watch-serialization [RUNS] [ITERATIONS]</c>: bytes and serialize + deserialize time of one
    /// <see cref="PoolChanged"/> with Hyperion and with <see cref="PoolChangedSerializer"/> (hocon/cluster.conf's choice),
    /// interleaved run by run.
    /// </summary>
    public static void RunSerialization(int runs, int iterations)
    {
        using var system = ActorSystem.Create("rserpool", ConfigurationFactory.ParseString("akka.loglevel = WARNING").WithFallback(RSerPoolConfig.Library));
        var origin = system.ActorOf(Props.Empty, "origin");
        var element = new PoolElement(0x1234_5678, 0xbe7c_0001, 90_000, new TcpTransport(7000, TransportUse.DataOnly, [IPAddress.Parse("10.0.0.7")]),
            PoolMemberSelectionPolicy.LeastUsed(42), new SctpTransport(3863, TransportUse.DataOnly, [IPAddress.Parse("10.0.0.7")]));
        var message = new PoolChanged(Handle, PoolChangeKind.Added, PoolChangeReason.Registered, element, origin, 1234, 1233);
        Akka.Serialization.Serializer[] serializers = [new Akka.Serialization.HyperionSerializer((ExtendedActorSystem)system), system.Serialization.FindSerializerFor(message)];
        Console.WriteLine($"pool-watch-serialization: {runs} runs x {iterations}; bound to PoolChanged: {serializers[1].GetType().Name}; loadavg {File.ReadAllText("/proc/loadavg").Trim()}");
        var perOp = serializers.ToDictionary(s => s, _ => new List<double>());
        for (int run = 0; run <= runs; run++)
        {
            foreach (var serializer in serializers)
            {
                long start = Stopwatch.GetTimestamp();
                for (int i = 0; i < iterations; i++)
                {
                    _ = serializer.FromBinary(serializer.ToBinary(message), typeof(PoolChanged));
                }

                double microseconds = Stopwatch.GetElapsedTime(start).TotalMicroseconds / iterations;
                if (run > 0)
                {
                    perOp[serializer].Add(microseconds);   // run 0 warms up
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run} {serializer.GetType().Name}: {microseconds:F2} µs per serialize + deserialize"));
                }
            }
        }

        foreach (var serializer in serializers)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"median {serializer.GetType().Name}: {Median(perOp[serializer]):F2} µs per serialize + deserialize, {serializer.ToBinary(message).Length} bytes"));
        }
    }

    private static async Task<double[]> LatencyRunAsync(int registrations, bool hyperion)
    {
        var (registrarNode, subscriberNode) = await StartClusterAsync(hyperion).ConfigureAwait(false);
        try
        {
            string bound = registrarNode.Serialization.FindSerializerForType(typeof(PoolChanged)).GetType().Name;
            if (bound != (hyperion ? "HyperionSerializer" : nameof(PoolChangedSerializer)))
            {
                throw new InvalidOperationException($"PoolChanged is bound to {bound}");
            }

            IPEndPoint asap = await StartRegistrarAsync(registrarNode).ConfigureAwait(false);
            var arrivals = new ConcurrentDictionary<uint, long>();
            var signal = new SemaphoreSlim(0);
            var recorder = subscriberNode.ActorOf(Props.Create(() => new ArrivalRecorder(arrivals, signal)), "recorder");
            RSerPoolExtension.Get(subscriberNode).WatchPool(Handle, recorder);
            await signal.WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);   // PoolMembers
            await AwaitSubscriptionAsync(registrarNode).ConfigureAwait(false);

            using var client = await PipelinedAsapClient.ConnectAsync(asap).ConfigureAwait(false);
            var latencies = new double[registrations];
            for (int i = 0; i < registrations; i++)
            {
                uint id = (uint)(i + 1);
                byte[] registration = AsapEncoder.EncodeToArray(new AsapRegistration(Handle, Element(id, 0)));
                long sent = Stopwatch.GetTimestamp();
                if (await client.RoundTripAsync(registration, 1, (byte)AsapMessageType.RegistrationResponse).ConfigureAwait(false) != 0)
                {
                    throw new InvalidOperationException($"registration of PE {id} rejected");
                }

                if (!await signal.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false) || !arrivals.TryGetValue(id, out long arrived))
                {
                    throw new InvalidOperationException($"no PoolChanged for PE {id} within 10 s");
                }

                latencies[i] = Stopwatch.GetElapsedTime(sent, arrived).TotalMilliseconds;
            }

            return latencies;
        }
        finally
        {
            await Task.WhenAll(subscriberNode.Terminate(), registrarNode.Terminate()).ConfigureAwait(false);
        }
    }

    private static async Task<(double Registrations, double Resolutions)> RegistrationRunAsync(string variant, int rounds)
    {
        const int connections = 100, perConnection = 100;
        ActorSystem? subscriberNode = null;
        ActorSystem registrarNode;
        if (variant == "standalone")
        {
            registrarNode = BenchActorSystem.Create("bench");
        }
        else
        {
            (registrarNode, subscriberNode) = await StartClusterAsync().ConfigureAwait(false);
        }

        try
        {
            IPEndPoint asap = await StartRegistrarAsync(registrarNode).ConfigureAwait(false);
            if (subscriberNode is not null)
            {
                var arrivals = new ConcurrentDictionary<uint, long>();
                var signal = new SemaphoreSlim(0);
                RSerPoolExtension.Get(subscriberNode).WatchPool(Handle, subscriberNode.ActorOf(Props.Create(() => new ArrivalRecorder(arrivals, signal)), "recorder"));
                await signal.WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
                await AwaitSubscriptionAsync(registrarNode).ConfigureAwait(false);
            }

            var clients = new PipelinedAsapClient[connections];
            var batches = new byte[2][][];
            for (int b = 0; b < 2; b++)
            {
                batches[b] = new byte[connections][];
            }

            for (int c = 0; c < connections; c++)
            {
                clients[c] = await PipelinedAsapClient.ConnectAsync(asap).ConfigureAwait(false);
                for (int b = 0; b < 2; b++)
                {
                    var batch = new List<byte>();
                    for (int i = 0; i < perConnection; i++)
                    {
                        // Batch 1 differs in load only where the variant wants every re-registration published.
                        uint load = b == 1 && variant.EndsWith("load changes", StringComparison.Ordinal) ? 1u : 0u;
                        batch.AddRange(AsapEncoder.EncodeToArray(new AsapRegistration(Handle, Element((uint)((c * 1000) + i + 1), load))));
                    }

                    batches[b][c] = [.. batch];
                }
            }

            await RoundAsync(clients, batches[0], perConnection).ConfigureAwait(false);   // registers every PE
            long start = Stopwatch.GetTimestamp();
            for (int round = 0; round < rounds; round++)
            {
                await RoundAsync(clients, batches[(round + 1) % 2], perConnection).ConfigureAwait(false);
            }

            double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            double resolutions = await ResolutionRateAsync(clients.AsSpan(0, 16).ToArray(), rounds).ConfigureAwait(false);
            foreach (var client in clients)
            {
                client.Dispose();
            }

            return (rounds * connections * perConnection / seconds, resolutions);
        }
        finally
        {
            await Task.WhenAll(subscriberNode?.Terminate() ?? Task.CompletedTask, registrarNode.Terminate()).ConfigureAwait(false);
        }
    }

    // Handle resolutions/s over 16 associations, each pipelining 1,000 per round (the pool holds the 10,000 PEs).
    private static async Task<double> ResolutionRateAsync(PipelinedAsapClient[] clients, int rounds)
    {
        const int perConnection = 1000;
        var request = AsapEncoder.EncodeToArray(new AsapHandleResolution(Handle, 1));
        var batch = new byte[request.Length * perConnection];
        for (int i = 0; i < perConnection; i++)
        {
            request.CopyTo(batch, i * request.Length);
        }

        var batches = Enumerable.Repeat(batch, clients.Length).ToArray();
        await ResolveRoundAsync(clients, batches, perConnection).ConfigureAwait(false);   // warm-up
        long start = Stopwatch.GetTimestamp();
        for (int round = 0; round < rounds; round++)
        {
            await ResolveRoundAsync(clients, batches, perConnection).ConfigureAwait(false);
        }

        return rounds * clients.Length * perConnection / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    private static async Task ResolveRoundAsync(PipelinedAsapClient[] clients, byte[][] batches, int perConnection)
    {
        var rounds = new Task<int>[clients.Length];
        for (int c = 0; c < clients.Length; c++)
        {
            rounds[c] = clients[c].RoundTripAsync(batches[c], perConnection, (byte)AsapMessageType.HandleResolutionResponse);
        }

        await Task.WhenAll(rounds).ConfigureAwait(false);
    }

    private static async Task RoundAsync(PipelinedAsapClient[] clients, byte[][] batches, int perConnection)
    {
        var rounds = new Task<int>[clients.Length];
        for (int c = 0; c < clients.Length; c++)
        {
            rounds[c] = clients[c].RoundTripAsync(batches[c], perConnection, (byte)AsapMessageType.RegistrationResponse);
        }

        int rejected = (await Task.WhenAll(rounds).ConfigureAwait(false)).Sum();
        if (rejected != 0)
        {
            throw new InvalidOperationException($"{rejected} registrations rejected");
        }
    }

    private static PoolElement Element(uint id, uint load) =>
        new(id, 0, 90_000, new TcpTransport((ushort)(10_000 + (id % 1000)), TransportUse.DataOnly, [IPAddress.Loopback]), PoolMemberSelectionPolicy.LeastUsed(load));

    // Hyperion: PoolChanged bound to Hyperion like every other cluster message (what hocon/cluster.conf replaced).
    private static Config Node(string role, bool hyperion = false) => ConfigurationFactory.ParseString(hyperion
        ? "akka.actor.serialization-bindings { \"RSerPool.Actors.Cluster.PoolChanged, RSerPool.Actors\" = hyperion }"
        : "").WithFallback(ConfigurationFactory.ParseString($$"""
        akka.loglevel = WARNING
        akka.stdout-loglevel = WARNING
        akka.actor.provider = cluster
        akka.remote.dot-netty.tcp { hostname = "127.0.0.1", port = 0 }
        akka.cluster.roles = ["{{role}}"]
        """)).WithFallback(RSerPoolConfig.Library);

    private static async Task<(ActorSystem Registrar, ActorSystem Subscriber)> StartClusterAsync(bool hyperion = false)
    {
        var registrar = ActorSystem.Create("rserpool", Node("registrar", hyperion));
        var subscriber = ActorSystem.Create("rserpool", Node("rserpool-client", hyperion));
        var cluster = AkkaCluster.Get(registrar);
        cluster.Join(cluster.SelfAddress);
        AkkaCluster.Get(subscriber).Join(cluster.SelfAddress);
        var deadline = Stopwatch.StartNew();
        while (cluster.State.Members.Count(m => m.Status == Akka.Cluster.MemberStatus.Up) < 2)
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException("the two nodes did not form a cluster within 30 s");
            }

            await Task.Delay(20).ConfigureAwait(false);
        }

        return (registrar, subscriber);
    }

    private static async Task<IPEndPoint> StartRegistrarAsync(ActorSystem system)
    {
        var settings = new RegistrarSettings
        {
            Dispatcher = BenchActorSystem.RegistrarDispatcher,
            ServerId = 0xbe7c0001,
            AsapEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
            AsapAnnounce = new AnnounceSettings([], TimeSpan.FromSeconds(1)),
            MaxHandleResolutionRate = 0,
            MaxHandleResolutionRatePerHost = 0,
            MaxRegistrationLife = TimeSpan.FromHours(24),
            KeepAliveInterval = TimeSpan.FromMinutes(10),
            KeepAliveTimeout = TimeSpan.FromMinutes(10),
        };
        return (await RSerPoolExtension.Get(system).StartRegistrarAsync(settings).ConfigureAwait(false)).Started.AsapEndPoint;
    }

    // The registrar node's mediator knows the subscription (pub/sub gossip) before anything is measured.
    private static async Task AwaitSubscriptionAsync(ActorSystem registrarNode)
    {
        var mediator = DistributedPubSub.Get(registrarNode).Mediator;
        var deadline = Stopwatch.StartNew();
        // GetTopics: the topics with a subscriber on any node the mediator knows of.
        while (!(await mediator.Ask<CurrentTopics>(GetTopics.Instance, TimeSpan.FromSeconds(5)).ConfigureAwait(false)).Topics.Contains(PoolWatchTopic.For(Handle)))
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException("the subscription did not reach the registrar node within 30 s");
            }

            await Task.Delay(50).ConfigureAwait(false);
        }
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
