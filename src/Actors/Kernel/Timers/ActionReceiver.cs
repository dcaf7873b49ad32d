namespace RSerPool.Actors.Kernel;

/// <summary>Adapts an <see cref="Action"/> to the tell-based scheduler.</summary>
internal sealed class ActionReceiver(Action action) : ICanTell
{
    public static readonly object Run = new();

    public void Tell(object message, IActorRef? sender) => action();
}
