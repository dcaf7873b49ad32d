namespace RSerPool.Actors.RegistrarClient;

/// <summary>Internal timer: no response to a pending request within the request timeout.</summary>
internal sealed record RequestTimedOut(long RequestId);
