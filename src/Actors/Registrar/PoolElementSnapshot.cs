using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Registrar;

/// <summary>One PE of a <see cref="HandlespaceSnapshot"/>.</summary>
/// <param name="AssociationId">The registrar's id of the ASAP association the PE registered over (0 = none).</param>
public sealed record PoolElementSnapshot(
    PoolHandle PoolHandle,
    uint Identifier,
    uint OwnerId,
    int RegistrationLifeMs,
    TransportParameter UserTransport,
    PoolMemberSelectionPolicy Policy,
    long AssociationId,
    int UnreachableReports);
