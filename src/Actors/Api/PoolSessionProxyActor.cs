using Akka.Actor;
using RSerPool.Actors.Session;
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Api;

/// <summary>
/// A pool-user session as an actor (<see cref="RSerPoolExtension.OpenSessionAsync"/>): parent of the session actor
/// (selection, failover, cookies, acks; services draft §3.3), it takes the public commands (<see cref="SendToPool"/>,
/// <see cref="ForcePoolFailover"/>, <see cref="ClosePoolSession"/>) and watches its owner: when the owner terminates,
/// the session closes.
/// </summary>
internal sealed class PoolSessionProxyActor : ReceiveActor
{
    private readonly IActorRef _owner;
    private readonly IActorRef _session;

    public PoolSessionProxyActor(IActorRef resolver, PoolHandle pool, PoolSessionOptions options, IActorRef owner)
    {
        _owner = owner;
        _session = Context.ActorOf(PoolUserSessionActor.Props(resolver, pool, options, new ActorPoolSessionSink(pool, owner, Self), null), "session");
        Context.Watch(_session);
        Context.Watch(owner);

        Receive<SendToPool>(send =>
        {
            var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _session.Tell(new PoolSessionSend(send.Payload, send.AckRequested, send.FailoverAllowed, completion), Self);
            completion.Task.PipeTo(_owner, Self, success: () => new PoolSessionSent(send.Tag), failure: e => new PoolSessionSendFailed(send.Tag, e.Message));
        });
        Receive<ForcePoolFailover>(_ =>
            _session.Tell(new PoolSessionForceFailover(new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)), Self));
        Receive<ClosePoolSession>(_ =>
            _session.Tell(new PoolSessionClose(new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)), Self));
        Receive<Terminated>(terminated => terminated.ActorRef.Equals(_owner), _ => Context.Stop(Self));
        Receive<Terminated>(terminated => terminated.ActorRef.Equals(_session), _ => Context.Stop(Self));
    }

    public static Props Props(IActorRef resolver, PoolHandle pool, PoolSessionOptions options, IActorRef owner) =>
        Akka.Actor.Props.Create(() => new PoolSessionProxyActor(resolver, pool, options, owner));
}
