using RSerPool.Actors.Kernel.Dispatch;

namespace RSerPool.Actors.Kernel;

/// <summary>
/// Death watch (actor-kernel.md §5): one <see cref="Terminated"/> per watch, immediate for a dead subject, none after
/// <see cref="Unwatch"/> even if already enqueued; an unhandled Terminated is a death pact.
/// </summary>
internal sealed partial class ActorCell
{
    public IActorRef Watch(IActorRef subject) => WatchCore(subject, null);

    public IActorRef WatchWith(IActorRef subject, object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return WatchCore(subject, message);
    }

    public IActorRef Unwatch(IActorRef subject)
    {
        var extras = _extras;
        if (extras is null)
            return subject;
        if (extras.Watching is { } watching && watching.Remove(subject))
            InternalActorRef.SendSystem(subject, new Unwatch(subject, _self));
        extras.TerminatedQueued?.Remove(subject); // a Terminated already enqueued is dropped too
        return subject;
    }

    private IActorRef WatchCore(IActorRef subject, object? customMessage)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (subject.Equals(_self))
            return subject;
        var watching = Extras.Watching ??= [];
        if (watching.ContainsKey(subject))
            return subject;
        watching.Add(subject, customMessage);
        InternalActorRef.SendSystem(subject, new Watch(subject, _self));
        return subject;
    }

    private void HandleWatch(Watch watch)
    {
        if (watch.Watchee.Equals(_self) && !watch.Watcher.Equals(_self))
            (Extras.WatchedBy ??= []).Add(watch.Watcher);
    }

    private void HandleUnwatch(Unwatch unwatch)
    {
        if (unwatch.Watchee.Equals(_self))
            _extras?.WatchedBy?.Remove(unwatch.Watcher);
    }

    private void HandleDeathWatchNotification(DeathWatchNotification notification)
    {
        var actor = notification.Actor;
        var extras = _extras;
        if (extras?.Watching is { } watching && watching.Remove(actor, out var customMessage) && !IsTerminating)
        {
            (extras.TerminatedQueued ??= [])[actor] = customMessage;
            _self.Tell(new WatchedTerminated(new Terminated(actor, notification.ExistenceConfirmed, AddressTerminated: false)), actor);
        }

        if (TryGetChildStats(actor) is not null)
            ChildTerminated(actor);
    }

    private void ReceiveTerminated(Terminated terminated)
    {
        // Only a Terminated queued by our own watch is delivered; Unwatch removed it from the pending set.
        if (_extras?.TerminatedQueued is not { } queued || !queued.Remove(terminated.ActorRef, out var customMessage))
            return;
        ReceiveUserMessage(customMessage ?? terminated);
    }

    private void TellWatchersWeDied()
    {
        var watchers = _extras?.WatchedBy;
        if (watchers is null)
            return;
        foreach (var watcher in watchers)
        {
            if (!watcher.Equals(_parent))
                InternalActorRef.SendSystem(watcher, new DeathWatchNotification(_self, existenceConfirmed: true));
        }

        watchers.Clear();
    }

    private void UnwatchWatchedActors()
    {
        var watching = _extras?.Watching;
        if (watching is null)
            return;
        foreach (var subject in watching.Keys)
            InternalActorRef.SendSystem(subject, new Unwatch(subject, _self));
        watching.Clear();
        _extras!.TerminatedQueued?.Clear();
    }
}
