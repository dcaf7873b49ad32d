namespace RSerPool.Actors.Kernel;

/// <summary><c>Receive&lt;T&gt;(Func&lt;T, bool&gt;)</c>: the handler itself says whether it handled the message.</summary>
internal sealed class FuncReceiveHandler<T>(Func<T, bool> handler) : ReceiveHandler
{
    public override bool TryHandle(object message) => message is T typed && handler(typed);
}
