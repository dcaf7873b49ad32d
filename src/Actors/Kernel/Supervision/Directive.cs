namespace RSerPool.Actors.Kernel;

/// <summary>What a supervisor does with a failed child (actor-kernel.md §4.1).</summary>
public enum Directive
{
    /// <summary>Keep the instance and its state; the failing message is dropped.</summary>
    Resume,

    /// <summary>Replace the instance; the mailbox is kept, the failing message dropped.</summary>
    Restart,

    /// <summary>Fail the supervisor itself with the same exception.</summary>
    Escalate,

    /// <summary>Stop the child.</summary>
    Stop,
}
