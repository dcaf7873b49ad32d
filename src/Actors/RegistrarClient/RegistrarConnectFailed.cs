namespace RSerPool.Actors.RegistrarClient;

/// <summary>A connect attempt failed; the hunt moves to the next known registrar (RFC 5352 §3.6).</summary>
public sealed record RegistrarConnectFailed(long Attempt, string Reason);
