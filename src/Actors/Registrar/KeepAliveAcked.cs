namespace RSerPool.Actors.Registrar;

/// <summary>Pool actor → PE registration actor: an Endpoint Keep Alive Ack arrived over association <paramref name="AssociationId"/> (docs/protocol-notes.md §9).</summary>
internal sealed record KeepAliveAcked(long AssociationId);
