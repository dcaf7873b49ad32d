namespace RSerPool.Actors.Kernel;

/// <summary><c>Receive&lt;T&gt;(Action&lt;T&gt;, Predicate&lt;T&gt;?)</c>.</summary>
internal sealed class TypedReceiveHandler<T>(Action<T> handler, Predicate<T>? shouldHandle) : ReceiveHandler
{
    public override bool TryHandle(object message)
    {
        if (message is not T typed || (shouldHandle is not null && !shouldHandle(typed)))
            return false;
        handler(typed);
        return true;
    }
}
