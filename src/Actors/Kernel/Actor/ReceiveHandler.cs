namespace RSerPool.Actors.Kernel;

/// <summary>One registered handler of a <see cref="ReceiveActor"/>.</summary>
internal abstract class ReceiveHandler
{
    public abstract bool TryHandle(object message);
}
