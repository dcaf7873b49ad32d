namespace RSerPool.Actors.Kernel;

/// <summary>
/// The actor's view of itself and its surroundings (Akka.NET's <c>IActorContext</c>). Valid only on the actor's
/// own thread, during a handler or a lifecycle hook: capture <see cref="Sender"/> and <see cref="Self"/> in locals
/// before starting asynchronous work.
/// </summary>
public interface IActorContext
{
    /// <summary>This actor's ref.</summary>
    IActorRef Self { get; }

    /// <summary>The sender of the message being processed (dead letters when there was none).</summary>
    IActorRef Sender { get; }

    /// <summary>The supervising parent.</summary>
    IActorRef Parent { get; }

    /// <summary>The props this actor was created from.</summary>
    Props Props { get; }

    /// <summary>The system the actor lives in.</summary>
    ActorSystem System { get; }

    /// <summary>The current receive timeout, or null when none is set.</summary>
    TimeSpan? ReceiveTimeout { get; }

    /// <summary>Creates a child actor; the name must be unique among the live children.</summary>
    IActorRef ActorOf(Props props, string? name = null);

    /// <summary>The live child named <paramref name="name"/>, or <see cref="ActorRefs.Nobody"/>.</summary>
    IActorRef Child(string name);

    /// <summary>A snapshot of the live children.</summary>
    IEnumerable<IActorRef> GetChildren();

    /// <summary>Stops <paramref name="actor"/> (a child or this actor) asynchronously, ahead of queued user messages.</summary>
    void Stop(IActorRef actor);

    /// <summary>Delivers one <see cref="Terminated"/> when <paramref name="subject"/> stops (immediately if it is already gone).</summary>
    IActorRef Watch(IActorRef subject);

    /// <summary>Like <see cref="Watch"/>, but delivers <paramref name="message"/> instead of <see cref="Terminated"/>.</summary>
    IActorRef WatchWith(IActorRef subject, object message);

    /// <summary>Stops watching; no <see cref="Terminated"/> for <paramref name="subject"/> is processed afterwards.</summary>
    IActorRef Unwatch(IActorRef subject);

    /// <summary>Sends <see cref="Kernel.ReceiveTimeout"/> after this much idle time; null turns it off.</summary>
    void SetReceiveTimeout(TimeSpan? timeout);

    /// <summary>Replaces the current behavior.</summary>
    void Become(Receive receive);

    /// <summary>Pushes a behavior on top of the current one.</summary>
    void BecomeStacked(Receive receive);

    /// <summary>Pops the behavior pushed last (the initial behavior is never popped).</summary>
    void UnbecomeStacked();
}
