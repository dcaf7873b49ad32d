// docs/protocol-notes.md §6: a user transport names the addresses the PE is reached at, never a wildcard.
using System.Net;
using RSerPool.Wire;
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Transport;

/// <summary>Fills the unspecified addresses (0.0.0.0, ::) of a transport parameter with a concrete one.</summary>
public static class TransportAddresses
{
    /// <summary>Whether <paramref name="address"/> is 0.0.0.0 or :: (a socket bound to any address).</summary>
    public static bool IsUnspecified(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any);
    }

    /// <summary>
    /// <paramref name="transport"/> with each unspecified address (and an empty list) replaced by
    /// <paramref name="address"/> (IPv4-mapped IPv6 taken as IPv4), without duplicates; the same instance when
    /// nothing is unspecified.
    /// </summary>
    public static TransportParameter FillUnspecified(TransportParameter transport, IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(address);
        if (transport.Addresses.Count > 0 && !HasUnspecified(transport.Addresses))
        {
            return transport;   // the usual case, on every registration: no allocation
        }

        IPAddress concrete = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        if (IsUnspecified(concrete))
        {
            return transport;
        }

        var addresses = transport.Addresses.Where(a => !IsUnspecified(a)).Append(concrete).Distinct().ToArray();
        return transport with { Addresses = ValueArray.Create<IPAddress>(addresses) };
    }

    private static bool HasUnspecified(ValueArray<IPAddress> addresses)
    {
        for (int i = 0; i < addresses.Count; i++)
        {
            if (IsUnspecified(addresses[i]))
            {
                return true;
            }
        }

        return false;
    }
}
