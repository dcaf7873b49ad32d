namespace RSerPool.Actors.Kernel;

/// <summary>
/// Applies Restart and Stop to all children (Akka.NET's <c>AllForOneStrategy</c>): siblings are suspended, then restarted
/// with the failing one; Resume applies to the failing child only. The restart is allowed only if every child's
/// counter allows it.
/// </summary>
public sealed class AllForOneStrategy : SupervisorStrategy
{
    public AllForOneStrategy(int? maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> decider)
        : base(maxNrOfRetries, withinTimeRange, decider)
    {
    }

    public AllForOneStrategy(Func<Exception, Directive> decider)
        : base(null, null, decider)
    {
    }

    private protected override void ProcessFailure(ActorCell supervisor, bool restart, ChildRestartStats failed, Exception cause, IReadOnlyList<ChildRestartStats> children)
    {
        if (children.Count == 0)
            return;
        if (restart && children.All(stats => RequestRestartPermission(stats, supervisor)))
        {
            foreach (var stats in children)
                supervisor.RestartChild(stats.Child, cause, suspendFirst: !stats.Child.Equals(failed.Child));
        }
        else
        {
            foreach (var stats in children)
                supervisor.Stop(stats.Child);
        }
    }
}
