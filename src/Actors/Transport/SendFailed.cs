namespace RSerPool.Actors.Transport;

/// <summary>Internal: the socket's write loop failed.</summary>
internal sealed record SendFailed(string Reason);
