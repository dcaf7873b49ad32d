namespace RSerPool.Actors.Kernel;

/// <summary>The <c>/user</c> guardian: parent of top-level actors, supervising them with the configured strategy.</summary>
internal sealed class GuardianActor(SupervisorStrategy strategy) : ActorBase
{
    protected override bool Receive(object message) => false;

    protected override SupervisorStrategy SupervisorStrategy() => strategy;
}
