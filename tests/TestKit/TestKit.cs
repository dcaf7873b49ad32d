using RSerPool.Actors.Kernel.Dispatch;
using Serilog;
using Serilog.Events;
using Xunit.Sdk;

namespace RSerPool.Actors.Kernel.TestKit;

/// <summary>
/// Base class of actor tests (Akka.TestKit.Xunit2's <c>TestKit</c>): a fresh <see cref="ActorSystem"/> per test, shut
/// down in <see cref="Dispose"/>. By default the system runs on <see cref="ManualDispatcher"/> and
/// <see cref="ManualTimeProvider"/>: work runs only inside <see cref="RunUntilIdle"/>, the expectations and
/// <see cref="Scheduler"/>, and time moves only by <c>Scheduler.Advance</c>, so tests are deterministic and never sleep.
/// Pass <see cref="RealTimeSettings"/> for integration tests on the thread pool with real timeouts.
/// </summary>
public abstract class TestKit : IDisposable
{
    private readonly TestScheduler? _scheduler;
    private int _probeCounter;
    private bool _disposed;

    /// <summary>A deterministic system (manual dispatcher and virtual clock).</summary>
    protected TestKit()
        : this(null)
    {
    }

    /// <summary>A system with <paramref name="settings"/>; null means the deterministic defaults.</summary>
    protected TestKit(ActorSystemSettings? settings, string systemName = "test")
    {
        LogSink = new TestLogSink();
        settings ??= new ActorSystemSettings { Dispatcher = new ManualDispatcher(), TimeProvider = new ManualTimeProvider() };
        if (settings.Logger is null)
        {
            settings = settings with
            {
                Logger = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(LogSink).CreateLogger(),
                LogLevel = LogEventLevel.Debug,
            };
        }

        Dispatcher = settings.Dispatcher as ManualDispatcher;
        Clock = settings.TimeProvider as ManualTimeProvider;
        IsManual = Dispatcher is not null && Clock is not null;
        if (IsManual)
            _scheduler = new TestScheduler(Clock!, Dispatcher!);
        Sys = ActorSystem.Create(systemName, settings);
        TestProbe = CreateTestProbe("testActor");
    }

    /// <summary>Settings for real-time integration tests: thread pool, system clock.</summary>
    public static ActorSystemSettings RealTimeSettings { get; } = new() { Dispatcher = new ThreadPoolDispatcher(), TimeProvider = TimeProvider.System };

    /// <summary>The system under test.</summary>
    public ActorSystem Sys { get; }

    /// <summary>True on the manual dispatcher with the virtual clock.</summary>
    public bool IsManual { get; }

    /// <summary>The manual dispatcher, or null in real-time mode.</summary>
    public ManualDispatcher? Dispatcher { get; }

    /// <summary>The virtual clock, or null in real-time mode.</summary>
    public ManualTimeProvider? Clock { get; }

    /// <summary>Virtual time control (manual mode only).</summary>
    public TestScheduler Scheduler => _scheduler ?? throw new InvalidOperationException("The TestScheduler exists only on the manual dispatcher with a ManualTimeProvider.");

    /// <summary>The system's current time.</summary>
    public DateTimeOffset Now => Sys.Clock.GetUtcNow();

    /// <summary>Every Serilog event of the system (when the settings did not bring their own logger).</summary>
    public TestLogSink LogSink { get; }

    /// <summary>Default timeout of expectations in real-time mode (<c>akka.test.single-expect-default</c>).</summary>
    public TimeSpan SingleExpectDefault { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>The default probe.</summary>
    public TestProbe TestProbe { get; }

    /// <summary>The default probe's ref.</summary>
    public IActorRef TestActor => TestProbe.Ref;

    /// <summary>The sender of the default probe's last message.</summary>
    public IActorRef LastSender => TestProbe.LastSender;

    /// <summary>Creates a probe.</summary>
    public TestProbe CreateTestProbe(string? name = null) =>
        new(this, name ?? "testProbe" + Interlocked.Increment(ref _probeCounter).ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Creates a top-level actor.</summary>
    public IActorRef ActorOf(Props props, string? name = null)
    {
        var actor = Sys.ActorOf(props, name);
        if (IsManual)
            RunUntilIdle();
        return actor;
    }

    /// <summary>Creates a top-level actor of <typeparamref name="TActor"/>.</summary>
    public IActorRef ActorOf<TActor>(string? name = null)
        where TActor : ActorBase, new() => ActorOf(Props.Create<TActor>(), name);

    /// <summary>Runs ready work until the system is idle (manual mode; no-op in real-time mode).</summary>
    public void RunUntilIdle() => Dispatcher?.RunUntilIdle();

    /// <summary>The default probe watches <paramref name="target"/>.</summary>
    public IActorRef Watch(IActorRef target) => TestProbe.Watch(target);

    /// <summary>The default probe stops watching <paramref name="target"/>.</summary>
    public IActorRef Unwatch(IActorRef target) => TestProbe.Unwatch(target);

    public T ExpectMsg<T>(TimeSpan? timeout = null) => TestProbe.ExpectMsg<T>(timeout);

    public T ExpectMsg<T>(Predicate<T> isMessage, TimeSpan? timeout = null, string? hint = null) => TestProbe.ExpectMsg(isMessage, timeout, hint);

    public T ExpectMsg<T>(T expected, TimeSpan? timeout = null)
        where T : notnull => TestProbe.ExpectMsg(expected, timeout);

    public T ExpectMsgFrom<T>(IActorRef sender, Predicate<T>? isMessage = null, TimeSpan? timeout = null) => TestProbe.ExpectMsgFrom(sender, isMessage, timeout);

    public void ExpectNoMsg() => TestProbe.ExpectNoMsg();

    public void ExpectNoMsg(TimeSpan duration) => TestProbe.ExpectNoMsg(duration);

    public Terminated ExpectTerminated(IActorRef target, TimeSpan? timeout = null) => TestProbe.ExpectTerminated(target, timeout);

    public T FishForMessage<T>(Predicate<T> isMessage, TimeSpan? timeout = null) => TestProbe.FishForMessage(isMessage, timeout);

    public IReadOnlyList<object> ReceiveN(int count, TimeSpan? timeout = null) => TestProbe.ReceiveN(count, timeout);

    public IReadOnlyList<T> ReceiveWhile<T>(Predicate<T> shouldContinue, int maxMessages = int.MaxValue) => TestProbe.ReceiveWhile(shouldContinue, maxMessages);

    public void Within(TimeSpan max, Action action) => TestProbe.Within(max, action);

    public void Within(TimeSpan min, TimeSpan max, Action action) => TestProbe.Within(min, max, action);

    public void Reply(object message) => TestProbe.Reply(message);

    /// <summary>Terminates the system and waits for it (runs the manual dispatcher, or waits up to 10 s in real time).</summary>
    public void Shutdown()
    {
        var terminated = Sys.Terminate();
        if (IsManual)
        {
            RunUntilIdle();
            if (!terminated.IsCompleted)
                throw new XunitException("The actor system did not terminate after running all ready work.");
        }
        else if (!terminated.Wait(TimeSpan.FromSeconds(10)))
        {
            throw new XunitException("The actor system did not terminate within 10 s.");
        }
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (_disposed || !disposing)
            return;
        _disposed = true;
        Shutdown();
    }
}
