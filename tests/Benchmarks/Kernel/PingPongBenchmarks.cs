using BenchmarkDotNet.Attributes;
using RSerPool.Actors.Kernel;
using RSerPool.Actors.Kernel.Dispatch;

namespace RSerPool.Benchmarks.Kernel;

/// <summary>
/// In-process ping-pong over N actor pairs with 1 or 100 messages in flight per pair (actor-kernel.md §12, style.md §9).
/// One operation is one message delivery: ns/op converts to messages/s as 1e9 / ns, and Allocated is bytes per delivery.
/// </summary>
[MemoryDiagnoser]
public class PingPongBenchmarks
{
    /// <summary>Round trips per invocation, split across the pairs; every round trip is two deliveries.</summary>
    public const int RoundTrips = 400_000;

    private ActorSystem _system = null!;
    private IActorRef[] _pings = [];
    private CountdownEvent _done = null!;
    private PingActor.Start[] _starts = [];

    [ParamsSource(nameof(PairCounts))]
    public int Pairs { get; set; }

    [Params(1, 100)]
    public int InFlight { get; set; }

    [Params(100)]
    public int Throughput { get; set; }

    /// <summary>Whether mailboxes are queued on the worker's local queue (actor-kernel.md §2.2 item 8 asks to measure both).</summary>
    [Params(false, true)]
    public bool PreferLocal { get; set; }

    public static IEnumerable<int> PairCounts() => new[] { 1, 2, Environment.ProcessorCount }.Distinct();

    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("bench", new ActorSystemSettings
        {
            Dispatcher = new ThreadPoolDispatcher(PreferLocal),
            Throughput = Throughput,
            Logger = Serilog.Core.Logger.None,
        });
        _done = new CountdownEvent(Pairs);
        var done = _done;
        _pings = new IActorRef[Pairs];
        _starts = new PingActor.Start[Pairs];
        for (var i = 0; i < Pairs; i++)
        {
            var pong = _system.ActorOf(Props.Create<PongActor>(), "pong" + i);
            _pings[i] = _system.ActorOf(Props.Create(() => new PingActor(pong, done)), "ping" + i);
            _starts[i] = new PingActor.Start(RoundTrips / Pairs, InFlight);
        }
    }

    [Benchmark(OperationsPerInvoke = RoundTrips * 2)]
    public void PingPong()
    {
        _done.Reset(Pairs);
        for (var i = 0; i < _pings.Length; i++)
            _pings[i].Tell(_starts[i], ActorRefs.NoSender);
        _done.Wait();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _system.Terminate().Wait(TimeSpan.FromSeconds(10));
        _done.Dispose();
    }
}
