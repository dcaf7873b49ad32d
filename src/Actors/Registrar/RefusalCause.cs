namespace RSerPool.Actors.Registrar;

/// <summary>Names of the causes a <see cref="RefusalBook"/> counts (the status endpoint's metric labels).</summary>
public static class RefusalCause
{
    /// <summary>A registration of a PE identifier owned by another live association (RFC 5352 §9.1, cause 0x000A).</summary>
    public const string PeIdentifierTaken = "pe-identifier-taken";

    /// <summary>A user transport address that is multicast, broadcast or unspecified (cause 0x0003).</summary>
    public const string BadAddress = "bad-address";

    /// <summary>A user transport address outside the association's scope (docs/protocol-notes.md §6), dropped or refused.</summary>
    public const string AddressScope = "address-scope";

    /// <summary>A Registration Life ≤ 0 (refused, cause 0x0003) or outside the registrar's bounds (clamped).</summary>
    public const string RegistrationLife = "registration-life";

    /// <summary>A Handle Resolution over the per-association or per-host rate (answered with cause 0x0009).</summary>
    public const string HandleResolutionRate = "handle-resolution-rate";

    /// <summary>An Endpoint Unreachable report over the per-association, per-host or per-PE rate (ignored).</summary>
    public const string UnreachableRate = "unreachable-rate";

    /// <summary>A registration refused by rserpool.acl (answered with cause 0x000A; docs/security.md).</summary>
    public const string AclRegister = "acl-register";

    /// <summary>A Handle Resolution refused by rserpool.acl (answered with cause 0x000A; docs/security.md).</summary>
    public const string AclResolve = "acl-resolve";

    /// <summary>An Endpoint Unreachable report from an identity that may not resolve the pool (ignored; docs/security.md).</summary>
    public const string AclUnreachable = "acl-unreachable";

    /// <summary>PEs of an ENRP peer in a pool its identity may not register in: not applied (docs/security.md).</summary>
    public const string AclEnrpUpdate = "acl-enrp-update";
}
