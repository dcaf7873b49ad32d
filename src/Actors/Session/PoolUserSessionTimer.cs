// Timer messages of the PU session actor.
using RSerPool.Actors.Kernel;

namespace RSerPool.Actors.Session;

internal abstract record PoolUserSessionTimer
{
    public sealed record SelectionTimedOut(int Attempt) : PoolUserSessionTimer;

    public sealed record Reselect : PoolUserSessionTimer;

    public sealed record ConnectTimedOut(IActorRef Connection) : PoolUserSessionTimer;

    public sealed record HeartbeatTick : PoolUserSessionTimer;

    public sealed record HeartbeatTimedOut(ulong Nonce) : PoolUserSessionTimer;

    public sealed record AckTimedOut : PoolUserSessionTimer;

    public sealed record CloseTimedOut : PoolUserSessionTimer;
}
