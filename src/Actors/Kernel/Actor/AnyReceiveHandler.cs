namespace RSerPool.Actors.Kernel;

/// <summary><c>ReceiveAny(Action&lt;object&gt;)</c>.</summary>
internal sealed class AnyReceiveHandler(Action<object> handler) : ReceiveHandler
{
    public override bool TryHandle(object message)
    {
        handler(message);
        return true;
    }
}
