using RSerPool.Actors.Kernel.Dispatch;

namespace RSerPool.Actors.Kernel;

/// <summary>The kernel's refs: they carry an incarnation uid and accept system messages.</summary>
internal abstract class InternalActorRef(ActorPath path, int uid) : IActorRef
{
    public ActorPath Path { get; } = path;

    public int Uid { get; } = uid;

    /// <summary>True once the actor behind this ref can no longer process messages.</summary>
    public virtual bool IsTerminated => false;

    public abstract void Tell(object message, IActorRef? sender);

    public abstract void SendSystemMessage(SystemMessage message);

    /// <summary>Sends a system message to any ref: refs of other kinds behave as non-existent actors.</summary>
    public static void SendSystem(IActorRef target, SystemMessage message)
    {
        if (target is InternalActorRef internalRef)
        {
            internalRef.SendSystemMessage(message);
            return;
        }

        AnswerAsNonExistent(target, message);
    }

    /// <summary>The dead-letter path of system messages: a Watch is answered with an immediate, unconfirmed termination.</summary>
    public static void AnswerAsNonExistent(IActorRef self, SystemMessage message)
    {
        if (message is Watch watch && watch.Watchee.Equals(self) && !watch.Watcher.Equals(self))
            SendSystem(watch.Watcher, new DeathWatchNotification(self, existenceConfirmed: false));
    }

    public bool Equals(IActorRef? other) =>
        ReferenceEquals(this, other) || (other is InternalActorRef o && o.Uid == Uid && o.Path.Equals(Path));

    public override bool Equals(object? obj) => obj is IActorRef other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Uid, Path.Name);

    public int CompareTo(IActorRef? other)
    {
        if (other is null) return 1;
        var byPath = Path.CompareTo(other.Path);
        return byPath != 0 || other is not InternalActorRef o ? byPath : Uid.CompareTo(o.Uid);
    }

    public override string ToString() => $"[{Path}#{Uid}]";
}
