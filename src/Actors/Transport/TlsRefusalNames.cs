namespace RSerPool.Actors.Transport;

/// <summary>The label values of <see cref="TlsRefusal"/> in logs and metrics (docs/metrics.md).</summary>
public static class TlsRefusalNames
{
    public static string Of(TlsRefusal refusal) => refusal switch
    {
        TlsRefusal.NoCertificate => "none",
        TlsRefusal.Expired => "expired",
        TlsRefusal.UnknownCa => "unknown_ca",
        TlsRefusal.WrongName => "wrong_name",
        TlsRefusal.Timeout => "timeout",
        _ => "handshake",
    };
}
