namespace RSerPool.Actors.Kernel;

/// <summary>An actor with one <see cref="OnReceive"/> method that calls <c>Unhandled</c> itself (Akka.NET's <c>UntypedActor</c>).</summary>
public abstract class UntypedActor : ActorBase
{
    /// <summary>Handles one message.</summary>
    protected abstract void OnReceive(object message);

    protected sealed override bool Receive(object message)
    {
        OnReceive(message);
        return true;
    }

    /// <summary>Replaces the current behavior.</summary>
    protected void Become(UntypedReceive receive) => Become(ToReceive(receive));

    /// <summary>Pushes a behavior.</summary>
    protected void BecomeStacked(UntypedReceive receive) => BecomeStacked(ToReceive(receive));

    private static Receive ToReceive(UntypedReceive receive) => message =>
    {
        receive(message);
        return true;
    };
}
