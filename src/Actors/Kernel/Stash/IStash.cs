namespace RSerPool.Actors.Kernel;

/// <summary>
/// Defers messages while an actor changes state (Akka.NET's <c>IStash</c>, actor-kernel.md §8). Unstashed messages are
/// processed before anything else in the mailbox, in stash order; the stash is unstashed before a restart and sent to
/// dead letters when the actor stops.
/// </summary>
public interface IStash
{
    /// <summary>Stashes the message being processed.</summary>
    void Stash();

    /// <summary>Puts the oldest stashed message back in front of the mailbox.</summary>
    void Unstash();

    /// <summary>Puts every stashed message back in front of the mailbox, oldest first.</summary>
    void UnstashAll();

    /// <summary>How many messages are stashed.</summary>
    int Count { get; }
}
