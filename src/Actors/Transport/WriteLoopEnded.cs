namespace RSerPool.Actors.Transport;

/// <summary>Internal: the write loop sent everything queued after the outbound queue was completed (the association drained).</summary>
internal sealed record WriteLoopEnded;
