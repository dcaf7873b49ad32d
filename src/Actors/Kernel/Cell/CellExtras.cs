using RSerPool.Actors.Kernel.Dispatch;

namespace RSerPool.Actors.Kernel;

/// <summary>
/// The parts of an actor cell most actors never use (children, death watch, timers, stash, behavior stack, receive
/// timeout), created on first use so an idle actor stays small (style.md §5.3). The children map is shared with
/// threads calling <c>ActorSystem.ActorOf</c> and is guarded by <c>lock (this)</c>'s private twin <see cref="ChildrenGate"/>.
/// </summary>
internal sealed class CellExtras
{
    public readonly object ChildrenGate = new();
    public Dictionary<string, ChildRestartStats>? Children;
    public HashSet<IActorRef>? ToDie;
    public long NameCounter;

    public Dictionary<IActorRef, object?>? Watching;
    public HashSet<IActorRef>? WatchedBy;
    public Dictionary<IActorRef, object?>? TerminatedQueued;

    public TimerScheduler? Timers;
    public List<Envelope>? Stash;
    public LinkedList<Envelope>? Replay;
    public List<Receive?>? BehaviorStack;

    public TimeSpan? ReceiveTimeout;
    public ICancelable? ReceiveTimeoutTask;
    public long ReceiveTimeoutGeneration;
    public long LastActivity;

    public Exception? PendingRecreateCause;
    public object? FailedMessage;
    public IActorRef? FailedPerpetrator;
}
