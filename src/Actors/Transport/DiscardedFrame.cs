namespace RSerPool.Actors.Transport;

/// <summary>Internal: a frame was discarded silently as the spec requires (action bits 00, or an Error that failed); logged only.</summary>
internal sealed record DiscardedFrame(string Cause);
