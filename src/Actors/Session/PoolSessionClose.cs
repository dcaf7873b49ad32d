namespace RSerPool.Actors.Session;

/// <summary>Close the session after queued writes.</summary>
internal sealed record PoolSessionClose(TaskCompletionSource Completion) : PoolSessionCommand;
