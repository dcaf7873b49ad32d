namespace RSerPool.Actors.Session;

/// <summary>Told to the handler when an outgoing connect fails; the connection actor stops.</summary>
public sealed record ShimConnectFailed(string Reason);
