using RSerPool.Actors.Kernel.Dispatch;

namespace RSerPool.Actors.Kernel;

/// <summary>
/// The parent of the user guardian: a failure escalated to it ends the system with that cause, and the
/// guardian's termination completes <see cref="ActorSystem.WhenTerminated"/>.
/// </summary>
internal sealed class RootSupervisorRef(ActorPath path, ActorSystem system) : InternalActorRef(path, 0)
{
    public override void Tell(object message, IActorRef? sender) => system.HandleDeadLetter(message, sender ?? this, this);

    public override void SendSystemMessage(SystemMessage message)
    {
        switch (message)
        {
            case Failed failed:
                system.OnEscalatedPastRoot(failed.Cause);
                break;
            case DeathWatchNotification notification:
                system.OnGuardianTerminated(notification.Actor);
                break;
        }
    }
}
