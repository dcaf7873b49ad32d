namespace RSerPool.Actors.Transport.Sctp;

/// <summary>Internal: association <see cref="AssociationId"/> of a one-to-many socket sent a message longer than <see cref="Limit"/> bytes.</summary>
internal sealed record SctpOversizedMessage(int AssociationId, int Limit);
