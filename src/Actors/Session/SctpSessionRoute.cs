using Akka.Actor;

namespace RSerPool.Actors.Session;

/// <summary>
/// Where <see cref="SctpOneToManyPoolElementServerActor"/> sends one association's messages and notifications: to its
/// connection, or held back (in order) until the connection registers, a moment after the session starts.
/// </summary>
internal sealed class SctpSessionRoute(IActorRef session)
{
    private List<object>? _early = [];

    public IActorRef Session { get; } = session;

    public IActorRef? Connection { get; private set; }

    public bool Ended { get; set; }

    public void Deliver(object message, IActorRef sender)
    {
        if (Connection is not null)
        {
            Connection.Tell(message, sender);
        }
        else
        {
            _early!.Add(message);
        }
    }

    public void Attach(IActorRef connection, IActorRef sender)
    {
        Connection = connection;
        foreach (var message in _early!)
        {
            connection.Tell(message, sender);
        }
        _early = null;
    }
}
