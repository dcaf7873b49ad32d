namespace RSerPool.Actors.Kernel;

/// <summary>An ordered list of handlers forming one <see cref="ReceiveActor"/> behavior.</summary>
internal sealed class ReceiveHandlers
{
    private ReceiveHandler[] _handlers = [];

    public void Add(ReceiveHandler handler) => _handlers = [.. _handlers, handler];

    public bool TryHandle(object message)
    {
        foreach (var handler in _handlers)
        {
            if (handler.TryHandle(message))
                return true;
        }

        return false;
    }
}
