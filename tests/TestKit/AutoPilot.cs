namespace RSerPool.Actors.Kernel.TestKit;

/// <summary>Replies on a probe's behalf as messages arrive (Akka.TestKit's <c>AutoPilot</c>); returns the pilot for the next message.</summary>
public abstract class AutoPilot
{
    /// <summary>Keep using the current pilot.</summary>
    public static AutoPilot KeepRunning { get; } = new KeepRunningPilot();

    /// <summary>Stop piloting.</summary>
    public static AutoPilot NoAutoPilot { get; } = new KeepRunningPilot();

    public abstract AutoPilot Run(IActorRef sender, object message);

    private sealed class KeepRunningPilot : AutoPilot
    {
        public override AutoPilot Run(IActorRef sender, object message) => this;
    }
}
