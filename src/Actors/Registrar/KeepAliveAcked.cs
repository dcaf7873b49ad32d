namespace RSerPool.Actors.Registrar;

/// <summary>Pool actor → PE registration actor: an Endpoint Keep Alive Ack arrived over association <paramref name="AssociationId"/> (asap.md §4.6 step 4).</summary>
internal sealed record KeepAliveAcked(long AssociationId);
