using RSerPool.Actors.Kernel.Dispatch;
using RSerPool.Actors.Kernel.Event;
using Serilog;

namespace RSerPool.Actors.Kernel;

/// <summary>
/// A hierarchy of actors under the <c>/user</c> guardian, with one dispatcher, one clock, an event stream and dead letters
/// (Akka.NET's <c>ActorSystem</c>). <see cref="Terminate"/> stops children before parents; a failure escalated past the
/// guardian also terminates the system and is kept in <see cref="TerminationReason"/> so a host can exit non-zero.
/// </summary>
public sealed class ActorSystem
{
    private static int s_uid;

    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly LocalActorRef _guardian;
    private readonly ILogger _systemLog;
    private long _tempCounter;
    private Exception? _terminationReason;

    private ActorSystem(string name, ActorSystemSettings settings)
    {
        Name = name;
        Settings = settings;
        Logger = settings.Logger ?? Log.Logger;
        Clock = settings.TimeProvider;
        var root = ActorPath.Root("akka://" + name);
        _systemLog = Logger.ForContext("ActorPath", root.ToString());
        Scheduler = new TimeProviderScheduler(Clock);
        EventStream = new EventStream();
        DeadLetters = new DeadLetterActorRef(root.Child("deadLetters"), this);
        TempPath = root.Child("temp");
        var rootSupervisor = new RootSupervisorRef(root, this);
        _guardian = new LocalActorRef(root.Child("user"), NextUid());
        var guardianProps = Props.Create(() => new GuardianActor(settings.GuardianSupervisorStrategy));
        _ = new ActorCell(this, _guardian, guardianProps, rootSupervisor, settings.Dispatcher);
        _guardian.SendSystemMessage(new Create());
    }

    /// <summary>The system's name (the address is <c>akka://name</c>).</summary>
    public string Name { get; }

    public ActorSystemSettings Settings { get; }

    /// <summary>The Serilog logger of this system.</summary>
    public ILogger Logger { get; }

    /// <summary>The one clock of this system.</summary>
    public TimeProvider Clock { get; }

    public IScheduler Scheduler { get; }

    public EventStream EventStream { get; }

    /// <summary>Telling this ref publishes a <see cref="DeadLetter"/>.</summary>
    public IActorRef DeadLetters { get; }

    /// <summary>Completes when every actor has stopped.</summary>
    public Task WhenTerminated => _terminated.Task;

    /// <summary>The failure that ended the system by escalating past the guardian; null after a normal <see cref="Terminate"/>.</summary>
    public Exception? TerminationReason => Volatile.Read(ref _terminationReason);

    private ActorPath TempPath { get; }

    /// <summary>Creates a system; <paramref name="settings"/> defaults to <see cref="ActorSystemSettings.Default"/>.</summary>
    public static ActorSystem Create(string name, ActorSystemSettings? settings = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_')
                throw new ArgumentException($"System name [{name}] may contain only ASCII letters, digits, '-' and '_'.", nameof(name));
        }

        settings ??= ActorSystemSettings.Default;
        if (settings.Throughput < 1)
            throw new ArgumentOutOfRangeException(nameof(settings), settings.Throughput, "Throughput must be at least 1.");
        return new ActorSystem(name, settings);
    }

    /// <summary>Creates a top-level actor under <c>/user</c>.</summary>
    public IActorRef ActorOf(Props props, string? name = null) => _guardian.Cell.ActorOf(props, name);

    /// <summary>Creates a top-level actor of <typeparamref name="TActor"/>.</summary>
    public IActorRef ActorOf<TActor>(string? name = null)
        where TActor : ActorBase, new() => ActorOf(Props.Create<TActor>(), name);

    /// <summary>Stops <paramref name="actor"/> ahead of its queued user messages.</summary>
    public void Stop(IActorRef actor) => InternalActorRef.SendSystem(actor, new Terminate());

    /// <summary>Stops every actor, children before parents; the task completes when all have stopped.</summary>
    public Task Terminate()
    {
        _guardian.SendSystemMessage(new Terminate());
        return WhenTerminated;
    }

    internal int NextUid()
    {
        var uid = Interlocked.Increment(ref s_uid);
        return uid == 0 ? Interlocked.Increment(ref s_uid) : uid;
    }

    internal ActorPath NextTempPath() => TempPath.Child("$" + Interlocked.Increment(ref _tempCounter).ToString(System.Globalization.CultureInfo.InvariantCulture));

    internal ILogger LogFor(IActorRef actor) => Logger.ForContext("ActorPath", actor.Path.ToString());

    internal MessageDispatcher ResolveDispatcher(Props props)
    {
        if (props.Dispatcher is null)
            return Settings.Dispatcher;
        return Settings.Dispatchers.TryGetValue(props.Dispatcher, out var dispatcher)
            ? dispatcher
            : throw new ArgumentException($"No dispatcher registered as [{props.Dispatcher}].", nameof(props));
    }

    internal void HandleDeadLetter(object message, IActorRef sender, IActorRef recipient)
    {
        if (sender is PromiseActorRef promise)
            promise.FailRecipientTerminated(recipient);
        if (message is DeadLetter or IDeadLetterSuppression)
            return;
        EventStream.Publish(new DeadLetter(message, sender, recipient));
        if (Settings.LogLevel <= Serilog.Events.LogEventLevel.Debug)
            LogFor(recipient).Debug("Dead letter {MessageType} from {Sender}", message.GetType().Name, sender.Path.ToString());
    }

    internal void OnEscalatedPastRoot(Exception cause)
    {
        Interlocked.CompareExchange(ref _terminationReason, cause, null);
        _systemLog.Fatal(cause, "A failure escalated past the guardian; terminating actor system {ActorSystem}", Name);
        _guardian.SendSystemMessage(new Terminate());
    }

    internal void OnGuardianTerminated(IActorRef guardian)
    {
        if (!guardian.Equals(_guardian))
            return;
        _systemLog.Information("Actor system {ActorSystem} terminated", Name);
        _terminated.TrySetResult();
    }

    public override string ToString() => "akka://" + Name;
}
