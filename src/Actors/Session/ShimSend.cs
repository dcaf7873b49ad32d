using RSerPool.Wire.Session;

namespace RSerPool.Actors.Session;

/// <summary>Asks the connection actor to encode and write <paramref name="Frame"/>; frames go out in the order told.</summary>
public sealed record ShimSend(ShimFrame Frame);
