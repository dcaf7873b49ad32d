namespace RSerPool.Actors.Registrar;

/// <summary>How far an IP address reaches (docs/protocol-notes.md §6; RSPLIB orders scopes the same way).</summary>
public enum AddressScope
{
    /// <summary>0.0.0.0, ::, multicast and broadcast: never a PE's transport address.</summary>
    None,

    /// <summary>127.0.0.0/8, ::1: this host only.</summary>
    Loopback,

    /// <summary>169.254.0.0/16, fe80::/10: one link.</summary>
    LinkLocal,

    /// <summary>10/8, 172.16/12, 192.168/16, 100.64/10 (shared), fc00::/7 (ULA), fec0::/10: one site.</summary>
    SiteLocal,

    /// <summary>Everything else.</summary>
    Global,
}
