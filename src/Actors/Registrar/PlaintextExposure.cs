using System.Net;

namespace RSerPool.Actors.Registrar;

/// <summary>
/// Which of a registrar's TCP listeners serve ASAP or ENRP in plaintext on an address other hosts can reach (README
/// "TLS", RFC 5355 section 3: rogue PEs, PUs and registrars on the network); the registrar logs them at WARN once.
/// </summary>
public static class PlaintextExposure
{
    public static IReadOnlyList<string> Listeners(IPEndPoint asap, bool asapTls, IPEndPoint? enrp, bool enrpOverTcp, bool enrpTls)
    {
        ArgumentNullException.ThrowIfNull(asap);
        var exposed = new List<string>();
        if (!asapTls && !IsLoopback(asap.Address))
        {
            exposed.Add($"ASAP on TCP {asap}");
        }
        if (enrp is not null && enrpOverTcp && !enrpTls && !IsLoopback(enrp.Address))
        {
            exposed.Add($"ENRP on TCP {enrp}");
        }
        return exposed;
    }

    private static bool IsLoopback(IPAddress address) => IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
}
