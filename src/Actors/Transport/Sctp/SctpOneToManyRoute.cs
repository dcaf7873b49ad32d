namespace RSerPool.Actors.Transport.Sctp;

/// <summary>
/// Lets the read loop of a one-to-many socket hand an association's messages to its handler itself (decoded on the
/// read thread, the association actor as sender), skipping the listener and the association actor: two mailbox hops
/// and a thread wake-up less per request (docs/bench-registrar.md). The association actor publishes its route once it
/// has told its handler <see cref="AssociationEstablished"/>. Messages the read loop sent the slow way before stay
/// first: the read loop goes direct only after the association actor has delivered every one of them
/// (<see cref="Delivered"/> equals the read loop's own count). Public only because the association actor's
/// constructor (which Akka calls by reflection) takes the table of routes.
/// </summary>
public abstract class SctpOneToManyRoute
{
    private int _delivered;

    // Only this assembly's association actors make routes.
    private protected SctpOneToManyRoute()
    {
    }

    /// <summary>Messages the association actor delivered that came the slow way (through the listener).</summary>
    internal int Delivered => Volatile.Read(ref _delivered);

    /// <summary>Called by the association actor after delivering a message that came through the listener.</summary>
    internal void NoteDelivered() => Interlocked.Increment(ref _delivered);

    /// <summary>On the read loop's thread: decodes <paramref name="frame"/> and tells the handler (or the association the Error answer).</summary>
    internal abstract void Deliver(ReadOnlySpan<byte> frame, SctpReceiveInfo info);
}
