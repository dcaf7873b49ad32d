namespace RSerPool.Actors.Registrar;

/// <summary>Registrar → pool → PE actor: the association to an adopted PE's ASAP endpoint is up (RFC 5353 §3.5.2).</summary>
internal sealed record AdoptedPeAttached(uint Identifier, AsapPeer Peer);
