namespace RSerPool.Actors.RegistrarClient;

/// <summary>Internal timer: a connect attempt of the hunt took too long.</summary>
internal sealed record ConnectTimedOut(long Attempt);
