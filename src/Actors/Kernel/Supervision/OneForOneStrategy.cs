namespace RSerPool.Actors.Kernel;

/// <summary>Applies the directive to the failing child only (Akka.NET's <c>OneForOneStrategy</c>).</summary>
public sealed class OneForOneStrategy : SupervisorStrategy
{
    /// <summary>Restart limit <paramref name="maxNrOfRetries"/> (null: unlimited) within <paramref name="withinTimeRange"/> (null: forever).</summary>
    public OneForOneStrategy(int? maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> decider)
        : base(maxNrOfRetries, withinTimeRange, decider)
    {
    }

    /// <summary>Unlimited restarts.</summary>
    public OneForOneStrategy(Func<Exception, Directive> decider)
        : base(null, null, decider)
    {
    }

    private protected override void ProcessFailure(ActorCell supervisor, bool restart, ChildRestartStats failed, Exception cause, IReadOnlyList<ChildRestartStats> children)
    {
        if (restart && RequestRestartPermission(failed, supervisor))
            supervisor.RestartChild(failed.Child, cause, suspendFirst: false);
        else
            supervisor.Stop(failed.Child);
    }
}
