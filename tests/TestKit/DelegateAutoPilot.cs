namespace RSerPool.Actors.Kernel.TestKit;

/// <summary>An <see cref="AutoPilot"/> from a delegate.</summary>
public sealed class DelegateAutoPilot(Func<IActorRef, object, AutoPilot> run) : AutoPilot
{
    public override AutoPilot Run(IActorRef sender, object message) => run(sender, message);
}
