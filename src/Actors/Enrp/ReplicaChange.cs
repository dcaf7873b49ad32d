// RFC 5353 §3.3 receiver ADD_PE / DEL_PE, RFC 5353 §3.6.3 handle table entries and audit sweep, docs/protocol-notes.md §11 copy expiry.
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Enrp;

/// <summary>
/// One change of a copy held for another registrar: insert or refresh <see cref="Element"/> (its owner is
/// <c>Element.HomeServerIdentifier</c>, never this registrar), or, when <see cref="Element"/> is null, remove the copy
/// (PH, PE ID) if it is still owned by another registrar.
/// </summary>
internal readonly record struct ReplicaChange(PoolHandle PoolHandle, uint Identifier, PoolElement? Element)
{
    public static ReplicaChange Apply(PoolHandle poolHandle, PoolElement element) => new(poolHandle, element.Identifier, element);

    public static ReplicaChange Remove(PoolHandle poolHandle, uint identifier) => new(poolHandle, identifier, null);
}
