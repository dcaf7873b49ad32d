namespace RSerPool.Actors.Session;

/// <summary>Asks the connection actor to write what is queued, then close the socket and stop.</summary>
public sealed record ShimClose(string Reason);
