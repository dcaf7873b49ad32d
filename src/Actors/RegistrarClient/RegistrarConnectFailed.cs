namespace RSerPool.Actors.RegistrarClient;

/// <summary>A connect attempt failed; the hunt moves to the next known registrar (asap.md §4.1).</summary>
public sealed record RegistrarConnectFailed(long Attempt, string Reason);
