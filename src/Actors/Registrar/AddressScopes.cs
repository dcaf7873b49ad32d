using System.Net;
using System.Net.Sockets;

namespace RSerPool.Actors.Registrar;

/// <summary>The <see cref="AddressScope"/> of an address (docs/protocol-notes.md §6).</summary>
public static class AddressScopes
{
    public static AddressScope Of(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            Span<byte> b = stackalloc byte[4];
            address.TryWriteBytes(b, out _);
            return b[0] switch
            {
                0 => AddressScope.None,                                   // "this network", RFC 1122 §3.2.1.3
                >= 224 => AddressScope.None,                              // multicast, reserved, limited broadcast
                127 => AddressScope.Loopback,
                10 => AddressScope.SiteLocal,
                169 when b[1] == 254 => AddressScope.LinkLocal,
                172 when (b[1] & 0xF0) == 16 => AddressScope.SiteLocal,
                192 when b[1] == 168 => AddressScope.SiteLocal,
                100 when (b[1] & 0xC0) == 64 => AddressScope.SiteLocal,   // shared address space, RFC 6598
                _ => AddressScope.Global,
            };
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6 || address.Equals(IPAddress.IPv6Any) || address.IsIPv6Multicast)
        {
            return AddressScope.None;
        }

        if (address.Equals(IPAddress.IPv6Loopback))
        {
            return AddressScope.Loopback;
        }

        if (address.IsIPv6LinkLocal)
        {
            return AddressScope.LinkLocal;
        }

        return address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal ? AddressScope.SiteLocal : AddressScope.Global;
    }
}
