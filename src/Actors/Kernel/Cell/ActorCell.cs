using RSerPool.Actors.Kernel.Dispatch;
using RSerPool.Actors.Kernel.Event;
using Serilog;

namespace RSerPool.Actors.Kernel;

/// <summary>
/// The runtime state of one actor: its instance, behavior, current message and lazily created extras. Every method
/// except the children registry runs on the actor's mailbox, one message at a time (actor-kernel.md §1).
/// </summary>
internal sealed partial class ActorCell : IActorContext
{
    private const int TerminatingFlag = 1;
    private const int FailedFlag = 2;
    private const int TerminatedFlag = 4;

    [ThreadStatic] private static ActorCell? t_current;
    [ThreadStatic] private static ActorCell? t_constructing;

    private readonly ActorSystem _system;
    private readonly InternalActorRef _parent;
    private readonly LocalActorRef _self;
    private readonly Props _props;
    private ActorBase? _actor;
    private Receive? _behavior; // null: the actor's own Receive
    private Envelope _current;
    private CellExtras? _extras;
    private int _flags;

    public ActorCell(ActorSystem system, LocalActorRef self, Props props, InternalActorRef parent, MessageDispatcher dispatcher)
    {
        _system = system;
        _self = self;
        _props = props;
        _parent = parent;
        self.Cell = this;
        Mailbox = new Mailbox(this, dispatcher, system.Settings.Throughput);
    }

    /// <summary>The cell whose message is being processed on this thread, if any.</summary>
    public static ActorCell? Current => t_current;

    /// <summary>The cell whose actor instance is being constructed on this thread, if any.</summary>
    public static ActorCell? Constructing => t_constructing;

    public Mailbox Mailbox { get; }

    public LocalActorRef SelfRef => _self;

    public IActorRef Self => _self;

    public IActorRef Sender => _current.Sender ?? _system.DeadLetters;

    public IActorRef Parent => _parent;

    public Props Props => _props;

    public ActorSystem System => _system;

    public ActorBase? Actor => _actor;

    private bool IsTerminating => (_flags & TerminatingFlag) != 0;

    private CellExtras Extras
    {
        get
        {
            var extras = Volatile.Read(ref _extras);
            if (extras is not null)
                return extras;
            var created = new CellExtras();
            return Interlocked.CompareExchange(ref _extras, created, null) ?? created;
        }
    }

    /// <summary>Delivers one user message (mailbox thread). Failures suspend the actor and report to the parent.</summary>
    public void Invoke(in Envelope envelope)
    {
        _current = envelope;
        t_current = this;
        try
        {
            if (envelope.Message is IAutoReceivedMessage)
                AutoReceive(envelope.Message);
            else
                ReceiveUserMessage(envelope.Message);
        }
        catch (Exception ex) when (!IsFatal(ex))
        {
            HandleInvokeFailure(ex, envelope.Message, perpetrator: null);
        }
        finally
        {
            _current = default;
            t_current = null;
        }
    }

    /// <summary>Processes one system message (mailbox thread).</summary>
    public void SystemInvoke(SystemMessage message)
    {
        t_current = this;
        try
        {
            switch (message)
            {
                case Create:
                    HandleCreate();
                    break;
                case Watch watch:
                    HandleWatch(watch);
                    break;
                case Unwatch unwatch:
                    HandleUnwatch(unwatch);
                    break;
                case DeathWatchNotification notification:
                    HandleDeathWatchNotification(notification);
                    break;
                case Failed failed:
                    HandleFailed(failed);
                    break;
                case Suspend:
                    HandleSuspend();
                    break;
                case Resume resume:
                    HandleResume(resume.CausedByFailure);
                    break;
                case Recreate recreate:
                    HandleRecreate(recreate.Cause);
                    break;
                case Terminate:
                    HandleTerminate();
                    break;
            }
        }
        catch (Exception ex) when (!IsFatal(ex))
        {
            HandleInvokeFailure(ex, null, perpetrator: null);
        }
        finally
        {
            t_current = null;
        }
    }

    private void ReceiveUserMessage(object message)
    {
        var actor = _actor;
        if (actor is null)
        {
            DeadLetter(new Envelope(message, Sender));
            return;
        }

        // A null behavior means the actor's own Receive: no delegate per actor until it calls Become.
        var handled = _behavior is { } behavior ? behavior(message) : actor.InvokeReceive(message);
        if (!handled)
            actor.InvokeUnhandled(message);
        if (_extras is { ReceiveTimeout: not null } && message is not INotInfluenceReceiveTimeout)
            MarkReceiveTimeoutActivity();
    }

    private void AutoReceive(object message)
    {
        switch (message)
        {
            case WatchedTerminated watched:
                ReceiveTerminated(watched.Terminated);
                break;
            case TimerMessage timer:
                if (_extras?.Timers is { } timers && timers.TryAccept(timer, out var scheduled))
                    ReceiveUserMessage(scheduled);
                break;
            case ReceiveTimeoutTick tick:
                ReceiveTimeoutTicked(tick);
                break;
            case PoisonPill:
                Stop(_self);
                break;
            case Kill:
                throw new ActorKilledException("Kill");
        }
    }

    private void HandleCreate()
    {
        try
        {
            CreateNewActor();
            _actor!.InvokePreStart();
        }
        catch (Exception ex) when (!IsFatal(ex))
        {
            HandleInvokeFailure(new ActorInitializationException(_self, $"Exception while creating actor {_self.Path}: {ex.Message}", ex), null, null);
        }
    }

    private void CreateNewActor()
    {
        _actor = null;
        _behavior = null;
        if (_extras is { BehaviorStack: { } stack })
            stack.Clear();
        var previous = t_constructing;
        t_constructing = this;
        ActorBase actor;
        try
        {
            actor = _props.NewActor();
        }
        finally
        {
            t_constructing = previous;
        }

        if (actor is IWithTimers withTimers)
            withTimers.Timers = Extras.Timers ??= new TimerScheduler(this);
        if (actor is IWithUnboundedStash withStash)
            withStash.Stash = new UnboundedStash(this);
        _actor = actor;
        _behavior = null;
    }

    public void Become(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        _behavior = receive;
    }

    public void BecomeStacked(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        (Extras.BehaviorStack ??= []).Add(_behavior);
        _behavior = receive;
    }

    public void UnbecomeStacked()
    {
        var stack = _extras?.BehaviorStack;
        if (stack is not { Count: > 0 })
            return;
        _behavior = stack[^1];
        stack.RemoveAt(stack.Count - 1);
    }

    public void PublishUnhandled(object message)
    {
        _system.EventStream.Publish(new UnhandledMessage(message, Sender, _self));
        _system.LogFor(_self).Debug("Unhandled message {MessageType} from {Sender}", message.GetType().Name, Sender.Path.ToString());
    }

    /// <summary>A user message that can no longer be delivered.</summary>
    public void DeadLetter(in Envelope envelope) => _system.HandleDeadLetter(envelope.Message, envelope.Sender, _self);

    /// <summary>A system message that reached a closed mailbox (actor-kernel.md §1: essential for death watch).</summary>
    public void DeadLetterSystem(SystemMessage message) => InternalActorRef.AnswerAsNonExistent(_self, message);

    public static bool IsFatal(Exception ex) => ex is OutOfMemoryException or StackOverflowException or AccessViolationException or InvalidProgramException;

    private ILogger Log => _system.LogFor(_self);
}
