using RSerPool.Actors.Kernel;

namespace RSerPool.Actors.Tests.Kernel.Support;

/// <summary>A parent with a given strategy: creates children on <see cref="CreateChild"/>, forwards Terminated to the probe.</summary>
public sealed class Supervisor : ReceiveActor
{
    private readonly SupervisorStrategy _strategy;

    public Supervisor(SupervisorStrategy strategy, IActorRef probe)
    {
        _strategy = strategy;
        Receive<CreateChild>(create => Sender.Tell(Context.ActorOf(create.Props, create.Name), Self));
        Receive<IActorRef>(child => Context.Watch(child));
        Receive<Terminated>(t => probe.Tell(t, Self));
        Receive<Fail>(fail => throw fail.Cause);
    }

    protected override SupervisorStrategy SupervisorStrategy() => _strategy;
}
