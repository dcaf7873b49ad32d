namespace RSerPool.Actors.Kernel.Event;

/// <summary>
/// System-wide publish/subscribe by type (Akka.NET's <c>EventStream</c>): a subscriber to a channel receives every
/// published event assignable to it, from no sender. Stopped subscribers are removed automatically.
/// </summary>
public sealed class EventStream
{
    private readonly object _gate = new();
    private Subscription[] _subscriptions = [];

    /// <summary>Subscribes <paramref name="subscriber"/> to events assignable to <paramref name="channel"/>; false if already subscribed.</summary>
    public bool Subscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(channel);
        lock (_gate)
        {
            if (Array.Exists(_subscriptions, s => s.Channel == channel && s.Subscriber.Equals(subscriber)))
                return false;
            _subscriptions = [.. _subscriptions, new Subscription(subscriber, channel)];
            return true;
        }
    }

    /// <summary>Removes one subscription; false if there was none.</summary>
    public bool Unsubscribe(IActorRef subscriber, Type channel) =>
        Remove(s => s.Channel == channel && s.Subscriber.Equals(subscriber));

    /// <summary>Removes every subscription of <paramref name="subscriber"/>; false if there was none.</summary>
    public bool Unsubscribe(IActorRef subscriber) => Remove(s => s.Subscriber.Equals(subscriber));

    /// <summary>Delivers <paramref name="event"/> to every matching subscriber.</summary>
    public void Publish(object @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var subscriptions = Volatile.Read(ref _subscriptions);
        foreach (var subscription in subscriptions)
        {
            if (subscription.Channel.IsInstanceOfType(@event))
                subscription.Subscriber.Tell(@event, ActorRefs.NoSender);
        }
    }

    internal void UnsubscribeTerminated(IActorRef subscriber)
    {
        if (Volatile.Read(ref _subscriptions).Length != 0)
            Unsubscribe(subscriber);
    }

    private bool Remove(Predicate<Subscription> match)
    {
        lock (_gate)
        {
            var kept = Array.FindAll(_subscriptions, s => !match(s));
            if (kept.Length == _subscriptions.Length)
                return false;
            _subscriptions = kept;
            return true;
        }
    }

    private readonly record struct Subscription(IActorRef Subscriber, Type Channel);
}
