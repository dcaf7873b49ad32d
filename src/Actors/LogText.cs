using System.Net;
using System.Net.Sockets;
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors;

/// <summary>
/// Wire values as log lines show them to people: a transport as <c>127.0.0.1:42503/tcp</c>, a policy as
/// <c>WeightedRoundRobin:5</c> (the <c>--policy</c> syntax), a duration as <c>250 ms</c>. Log calls pass these texts, not the records, whose
/// compiler-made ToString dumps every member.
/// </summary>
public static class LogText
{
    /// <summary>Addresses, port and protocol: <c>127.0.0.1:42503/tcp</c>, <c>[::1]:7/sctp</c>, <c>10.0.0.1,10.0.0.2:9/sctp</c>.</summary>
    public static string Transport(TransportParameter? transport)
    {
        if (transport is null)
        {
            return "none";
        }

        string protocol = transport switch
        {
            TcpTransport => "tcp",
            SctpTransport => "sctp",
            UdpTransport => "udp",
            UdpLiteTransport => "udplite",
            DccpTransport => "dccp",
            _ => transport.ParameterType.ToString(),
        };
        string addresses = transport.Addresses.Count == 0 ? "*" : string.Join(",", transport.Addresses.Select(Address));
        return $"{addresses}:{transport.Port}/{protocol}";
    }

    /// <summary>The policy name (or its code in hex) and its values, as <c>--policy</c> takes it: <c>LeastUsed:0</c>.</summary>
    public static string Policy(PoolMemberSelectionPolicy? policy)
    {
        if (policy is null)
        {
            return "none";
        }

        string name = Enum.IsDefined(policy.Type) ? policy.Type.ToString() : $"0x{(uint)policy.Type:x8}";
        return policy.Values.Count == 0 ? name : $"{name}:{string.Join(":", policy.Values)}";
    }

    /// <summary>A duration for people: <c>250 ms</c>, <c>1.5 s</c>, <c>30 s</c>, <c>10 min</c>, <c>2 h</c>.</summary>
    public static string Duration(TimeSpan duration)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        if (duration < TimeSpan.Zero)
        {
            return "-" + Duration(duration.Negate());
        }

        if (duration >= TimeSpan.FromHours(1) && duration.Ticks % TimeSpan.TicksPerHour == 0)
        {
            return string.Create(invariant, $"{duration.TotalHours:0} h");
        }

        if (duration >= TimeSpan.FromMinutes(1) && duration.Ticks % TimeSpan.TicksPerMinute == 0)
        {
            return string.Create(invariant, $"{duration.TotalMinutes:0} min");
        }

        return duration < TimeSpan.FromSeconds(1)
            ? string.Create(invariant, $"{duration.TotalMilliseconds:0.###} ms")
            : string.Create(invariant, $"{duration.TotalSeconds:0.###} s");
    }

    private static string Address(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
}
