namespace RSerPool.Actors.Kernel;

/// <summary>
/// An actor whose behavior is a list of typed handlers registered in the constructor or in a
/// <see cref="Become(Action)"/> block (Akka.NET's <c>ReceiveActor</c>). The first handler whose type and
/// predicate match handles the message; no match means <c>Unhandled</c>.
/// </summary>
public abstract class ReceiveActor : ActorBase
{
    private readonly ReceiveHandlers _initial = new();
    private ReceiveHandlers? _building;
    private bool _constructed;

    protected ReceiveActor() => _building = _initial;

    /// <summary>Handles messages of type <typeparamref name="T"/> (optionally only those matching <paramref name="shouldHandle"/>).</summary>
    protected void Receive<T>(Action<T> handler, Predicate<T>? shouldHandle = null) =>
        Target().Add(new TypedReceiveHandler<T>(handler, shouldHandle));

    /// <summary>Handles messages of type <typeparamref name="T"/> that match <paramref name="shouldHandle"/>.</summary>
    protected void Receive<T>(Predicate<T> shouldHandle, Action<T> handler) =>
        Target().Add(new TypedReceiveHandler<T>(handler, shouldHandle));

    /// <summary>Offers messages of type <typeparamref name="T"/> to <paramref name="handler"/>; false means "not handled, try the next".</summary>
    protected void Receive<T>(Func<T, bool> handler) => Target().Add(new FuncReceiveHandler<T>(handler));

    /// <summary>Handles every message that reaches this handler.</summary>
    protected void ReceiveAny(Action<object> handler) => Target().Add(new AnyReceiveHandler(handler));

    /// <summary>Replaces the behavior with the handlers registered by <paramref name="configure"/>.</summary>
    protected void Become(Action configure) => Become(Build(configure));

    /// <summary>Pushes the handlers registered by <paramref name="configure"/> as a new behavior.</summary>
    protected void BecomeStacked(Action configure) => BecomeStacked(Build(configure));

    protected sealed override bool Receive(object message)
    {
        _constructed = true;
        _building = null;
        return _initial.TryHandle(message);
    }

    private Receive Build(Action configure)
    {
        var handlers = new ReceiveHandlers();
        var previous = _building;
        _building = handlers;
        try
        {
            configure();
        }
        finally
        {
            _building = previous;
        }

        return handlers.TryHandle;
    }

    private ReceiveHandlers Target()
    {
        if (_building is null || (_constructed && ReferenceEquals(_building, _initial)))
            throw new InvalidOperationException("Receive handlers can only be registered in the constructor or inside Become(Action).");
        return _building;
    }
}
