namespace RSerPool.Actors.Kernel;

/// <summary>
/// Decides what happens to failing children (Akka.NET's <c>SupervisorStrategy</c>). A denied restart (limit reached
/// within the window) stops the child; it does not escalate.
/// </summary>
public abstract class SupervisorStrategy
{
    private protected SupervisorStrategy(int? maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> decider)
    {
        ArgumentNullException.ThrowIfNull(decider);
        MaxNumberOfRetries = maxNrOfRetries ?? -1;
        WithinTimeRange = withinTimeRange;
        Decider = decider;
    }

    /// <summary>Akka's default: OneForOne, unlimited restarts; stops on initialization, kill and death-pact failures, restarts otherwise.</summary>
    public static SupervisorStrategy DefaultStrategy { get; } = new OneForOneStrategy(DefaultDecider);

    /// <summary>Stops every failing child.</summary>
    public static SupervisorStrategy StoppingStrategy { get; } = new OneForOneStrategy(_ => Directive.Stop);

    /// <summary>Maps a failure to a directive.</summary>
    public Func<Exception, Directive> Decider { get; }

    /// <summary>Restarts allowed within <see cref="WithinTimeRange"/>; -1 means no limit, 0 means never restart.</summary>
    public int MaxNumberOfRetries { get; }

    /// <summary>The fixed window in which restarts are counted; null means forever.</summary>
    public TimeSpan? WithinTimeRange { get; }

    /// <summary>The default decider (see <see cref="DefaultStrategy"/>).</summary>
    public static Directive DefaultDecider(Exception cause) => cause switch
    {
        ActorInitializationException => Directive.Stop,
        ActorKilledException => Directive.Stop,
        DeathPactException => Directive.Stop,
        _ => Directive.Restart,
    };

    /// <summary>Applies the directive; false means escalate.</summary>
    internal bool HandleFailure(ActorCell supervisor, ChildRestartStats failed, Exception cause, IReadOnlyList<ChildRestartStats> children)
    {
        Directive directive;
        try
        {
            directive = Decider(cause);
        }
        catch (Exception ex) when (!ActorCell.IsFatal(ex))
        {
            supervisor.System.LogFor(failed.Child).Error(ex, "Supervisor decider threw; escalating");
            return false;
        }

        var log = supervisor.System.LogFor(failed.Child);
        switch (directive)
        {
            case Directive.Resume:
                log.Warning(cause, "Actor failed; resuming");
                supervisor.ResumeChild(failed.Child, cause);
                return true;
            case Directive.Restart:
                log.Error(cause, "Actor failed; restarting");
                ProcessFailure(supervisor, restart: true, failed, cause, children);
                return true;
            case Directive.Stop:
                log.Error(cause, "Actor failed; stopping");
                ProcessFailure(supervisor, restart: false, failed, cause, children);
                return true;
            default:
                return false;
        }
    }

    private protected abstract void ProcessFailure(ActorCell supervisor, bool restart, ChildRestartStats failed, Exception cause, IReadOnlyList<ChildRestartStats> children);

    private protected bool RequestRestartPermission(ChildRestartStats stats, ActorCell supervisor) =>
        stats.RequestRestartPermission(MaxNumberOfRetries, WithinTimeRange, supervisor.System.Clock);
}
