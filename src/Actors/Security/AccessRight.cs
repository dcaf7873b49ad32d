namespace RSerPool.Actors.Security;

/// <summary>What an <see cref="AccessRule"/> grants on a pool handle (hocon/reference.conf, <c>rserpool.acl</c>).</summary>
public enum AccessRight
{
    /// <summary>Register PEs in the pool over ASAP, or (for an ENRP peer) have them copied here as the peer's PEs.</summary>
    Register,

    /// <summary>Resolve the pool handle over ASAP (Handle Resolution, RFC 5352 §3.3).</summary>
    Resolve,
}
