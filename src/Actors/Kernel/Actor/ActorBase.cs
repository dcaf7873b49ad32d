namespace RSerPool.Actors.Kernel;

/// <summary>
/// Base class of every actor (Akka.NET's <c>ActorBase</c>). Instances are created by the kernel from
/// <see cref="Props"/>; constructing one with <c>new</c> outside <c>ActorOf</c> throws.
/// </summary>
public abstract class ActorBase
{
    private readonly ActorCell _cell;

    protected ActorBase()
    {
        _cell = ActorCell.Constructing
            ?? throw new ActorInitializationException(null, "Actors are created by ActorOf(Props), not with 'new'.", null);
    }

    /// <summary>This actor's context.</summary>
    protected IActorContext Context => _cell;

    /// <summary>This actor's ref.</summary>
    protected IActorRef Self => _cell.Self;

    /// <summary>The sender of the message being processed.</summary>
    protected IActorRef Sender => _cell.Sender;

    /// <summary>The initial behavior: returns true when the message was handled.</summary>
    protected abstract bool Receive(object message);

    /// <summary>Runs after the instance is created, before the first message.</summary>
    protected virtual void PreStart()
    {
    }

    /// <summary>Runs after the actor stopped and all its children stopped.</summary>
    protected virtual void PostStop()
    {
    }

    /// <summary>Runs on the failed instance before a restart; by default unwatches and stops every child, then calls <see cref="PostStop"/>.</summary>
    protected virtual void PreRestart(Exception reason, object? message)
    {
        foreach (var child in Context.GetChildren())
        {
            Context.Unwatch(child);
            Context.Stop(child);
        }

        PostStop();
    }

    /// <summary>Runs on the fresh instance after a restart; by default calls <see cref="PreStart"/>.</summary>
    protected virtual void PostRestart(Exception reason) => PreStart();

    /// <summary>The strategy applied to failing children, unless <see cref="Props.SupervisorStrategy"/> overrides it.</summary>
    protected virtual SupervisorStrategy SupervisorStrategy() => Kernel.SupervisorStrategy.DefaultStrategy;

    /// <summary>Called for a message no behavior handled: an unhandled <see cref="Terminated"/> throws
    /// <see cref="DeathPactException"/>; anything else is published as <see cref="Event.UnhandledMessage"/>.</summary>
    protected virtual void Unhandled(object message)
    {
        if (message is Terminated terminated)
            throw new DeathPactException(terminated.ActorRef);
        _cell.PublishUnhandled(message);
    }

    /// <summary>Replaces the current behavior.</summary>
    protected void Become(Receive receive) => _cell.Become(receive);

    /// <summary>Pushes a behavior.</summary>
    protected void BecomeStacked(Receive receive) => _cell.BecomeStacked(receive);

    /// <summary>Pops the last pushed behavior.</summary>
    protected void UnbecomeStacked() => _cell.UnbecomeStacked();

    /// <summary>Same as <see cref="IActorContext.SetReceiveTimeout"/>.</summary>
    protected void SetReceiveTimeout(TimeSpan? timeout) => _cell.SetReceiveTimeout(timeout);

    internal bool InvokeReceive(object message) => Receive(message);

    internal void InvokeUnhandled(object message) => Unhandled(message);

    internal void InvokePreStart() => PreStart();

    internal void InvokePostStop() => PostStop();

    internal void InvokePreRestart(Exception reason, object? message) => PreRestart(reason, message);

    internal void InvokePostRestart(Exception reason) => PostRestart(reason);

    internal SupervisorStrategy InvokeSupervisorStrategy() => SupervisorStrategy();
}
