using System.Net;
using System.Net.NetworkInformation;
using RSerPool.Actors.Handlespace;
using RSerPool.Wire;
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Registrar;

/// <summary>
/// Checks a registration's content before the handlespace takes it (issue 13; rules in docs/protocol-notes.md §6):
/// a Registration Life ≤ 0 is refused and one outside [min, max] is bounded; a multicast, broadcast or unspecified user
/// address refuses the registration (cause 0x0003 with the user transport); with the scope check on, addresses of
/// another scope than the association's remote address are dropped (a loopback association may also name non-global
/// addresses and this host's own), and the registration is refused when none is left.
/// The caller has already replaced wildcard addresses by the association's address.
/// </summary>
internal static class RegistrationScreen
{
    // This host's addresses, read once (a loopback peer may register them).
    private static readonly Lazy<HashSet<IPAddress>> LocalAddresses = new(() =>
    {
        try
        {
            return NetworkInterface.GetAllNetworkInterfaces()
                .SelectMany(nic => nic.GetIPProperties().UnicastAddresses)
                .Select(unicast => unicast.Address)
                .ToHashSet();
        }
        catch (NetworkInformationException)
        {
            return [];
        }
    });

    public static ScreenedRegistration Screen(PoolElement element, EndPoint? remote, RegistrarSettings settings)
    {
        // RFC 5354 §3.10: the life is a signed count of milliseconds; ≤ 0 names no life at all.
        if (element.RegistrationLifeMs <= 0)
        {
            return Refuse(ErrorCause.InvalidValues(OffendingParameter.PoolElement(element).AsSpan()), RefusalCause.RegistrationLife,
                $"registration life {element.RegistrationLifeMs} ms");
        }

        string? cause = null;
        string? why = null;
        int minMs = (int)settings.MinRegistrationLife.TotalMilliseconds;
        int maxMs = (int)settings.MaxRegistrationLife.TotalMilliseconds;
        int life = Math.Clamp(element.RegistrationLifeMs, minMs, Math.Max(minMs, maxMs));
        if (life != element.RegistrationLifeMs)
        {
            (cause, why) = (RefusalCause.RegistrationLife, $"registration life {element.RegistrationLifeMs} ms bounded to {life} ms");
            element = element with { RegistrationLifeMs = life };
        }

        ValueArray<IPAddress> addresses = element.UserTransport.Addresses;
        for (int i = 0; i < addresses.Count; i++)
        {
            if (AddressScopes.Of(addresses[i]) == AddressScope.None)
            {
                return Refuse(ErrorCause.InvalidValues(OffendingParameter.UserTransport(element).AsSpan()), RefusalCause.BadAddress,
                    $"user address {addresses[i]} is multicast, broadcast or unspecified");
            }
        }

        if (!settings.CheckAddressScope || remote is not IPEndPoint { Address: var from } || AddressScopes.Of(from) is not (var scope and not AddressScope.None))
        {
            return new ScreenedRegistration(element, null, cause, why);
        }

        IPAddress[] kept = addresses.Where(address => IsAllowed(address, scope)).ToArray();
        if (kept.Length == addresses.Count)
        {
            return new ScreenedRegistration(element, null, cause, why);
        }

        string dropped = string.Join(", ", addresses.Where(address => !IsAllowed(address, scope)));
        if (kept.Length == 0)
        {
            return Refuse(ErrorCause.InvalidValues(OffendingParameter.UserTransport(element).AsSpan()), RefusalCause.AddressScope,
                $"no user address of the association's scope ({scope}): {dropped}");
        }

        element = element with { UserTransport = element.UserTransport with { Addresses = ValueArray.Create<IPAddress>(kept) } };
        return new ScreenedRegistration(element, null, RefusalCause.AddressScope, $"user addresses {dropped} dropped: not of the association's scope ({scope})");
    }

    // docs/protocol-notes.md §6: the association's scope; a loopback peer runs on this host, so it may also name this
    // host's other addresses: any non-global one, and global ones only if they are this host's own.
    private static bool IsAllowed(IPAddress address, AddressScope associationScope)
    {
        AddressScope scope = AddressScopes.Of(address);
        if (scope == associationScope)
        {
            return true;
        }

        return associationScope == AddressScope.Loopback && (scope != AddressScope.Global || LocalAddresses.Value.Contains(address));
    }

    private static ScreenedRegistration Refuse(ErrorCause refusal, string cause, string why) => new(null, refusal, cause, why);
}
