namespace RSerPool.Actors.Session;

/// <summary>Leave the current PE for another one (without reporting it unreachable).</summary>
internal sealed record PoolSessionForceFailover(TaskCompletionSource Completion) : PoolSessionCommand;
