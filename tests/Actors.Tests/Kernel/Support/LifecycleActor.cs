using RSerPool.Actors.Kernel;

namespace RSerPool.Actors.Tests.Kernel.Support;

/// <summary>
/// Reports every lifecycle hook to <c>probe</c> (with an instance number that grows per construction), throws on
/// <see cref="Fail"/>, counts "inc" messages in instance state and answers "count" with the count; any other message
/// is echoed to the probe as (id, message).
/// </summary>
public sealed class LifecycleActor : ReceiveActor
{
    private static int s_instances;
    private readonly IActorRef _probe;
    private readonly string _id;
    private readonly int _instance;
    private int _count;

    public LifecycleActor(IActorRef probe, string id)
    {
        _probe = probe;
        _id = id;
        _instance = Interlocked.Increment(ref s_instances);
        Receive<Fail>(fail => throw fail.Cause);
        Receive<string>(s => s == "inc", _ => _count++);
        Receive<string>(s => s == "count", _ => Sender.Tell(_count, Self));
        Receive<CreateChild>(create => Sender.Tell(Context.ActorOf(create.Props, create.Name), Self));
        ReceiveAny(message => _probe.Tell((_id, message), Self));
    }

    protected override void PreStart() => _probe.Tell(new Lifecycle(_id, "PreStart", _instance), Self);

    protected override void PostStop() => _probe.Tell(new Lifecycle(_id, "PostStop", _instance), Self);

    protected override void PreRestart(Exception reason, object? message)
    {
        _probe.Tell(new Lifecycle(_id, "PreRestart", _instance, message?.ToString()), Self);
        base.PreRestart(reason, message);
    }

    protected override void PostRestart(Exception reason)
    {
        _probe.Tell(new Lifecycle(_id, "PostRestart", _instance, reason.Message), Self);
        base.PostRestart(reason);
    }
}
