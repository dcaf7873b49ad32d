using RSerPool.Wire.Session;

namespace RSerPool.Actors.Session;

/// <summary>A decoded frame from the peer, told to the handler with the connection actor as sender.</summary>
public sealed record ShimReceived(ShimFrame Frame);
