namespace RSerPool.Actors.Transport.Sctp;

/// <summary>Internal: one complete message the one-to-many read loop received on association <see cref="AssociationId"/>.</summary>
internal sealed record SctpEndpointFrame(int AssociationId, byte[] Frame, SctpReceiveInfo Info);
