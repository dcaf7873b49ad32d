// How `rserpool monitor` prints a registrar's status: endpoints, ENRP peers, each pool with its PEs, then refusals.
using System.Text;
using RSerPool.Wire.Parameters;

namespace RSerPool.Hosts.Status;

/// <summary>Plain-text rendering of a <see cref="RegistrarStatus"/>, one line per peer and per PE.</summary>
public static class StatusText
{
    public static string Render(RegistrarStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var text = new StringBuilder();
        text.Append("registrar ").Append(status.ServerId).Append("  ASAP TCP ").Append(status.AsapTcp);
        if (status.AsapSctp is { } sctp)
        {
            text.Append(", SCTP ").Append(sctp);
        }
        if (status.Enrp is { } enrp)
        {
            text.Append("  ENRP ").Append(string.Join("+", status.EnrpTransports)).Append(' ').Append(enrp);
            text.Append(status.EnrpStartup ? " (startup)" : string.Empty);
        }
        text.AppendLine();
        if (status.Cluster is { } cluster)
        {
            text.Append("cluster: ").Append(cluster.Members.Count).Append(cluster.Members.Count == 1 ? " member" : " members")
                .Append(", leader ").Append(cluster.Leader ?? "-").AppendLine();
            foreach (var member in cluster.Members)
            {
                text.Append("  ").Append(member.Address).Append("  ").Append(member.Status).Append("  ")
                    .Append(member.Roles.Count == 0 ? "-" : string.Join(",", member.Roles))
                    .Append(member.Reachable ? "  reachable" : "  UNREACHABLE").Append(member.Self ? "  (this node)" : string.Empty).AppendLine();
            }
        }
        int unreachable = status.Peers.Count(peer => peer.IsUnreachable);
        text.Append("ENRP peers: ").Append(status.Peers.Count - unreachable)
            .Append(unreachable > 0 ? $", {unreachable} configured unreachable" : string.Empty).AppendLine();
        foreach (var peer in status.Peers)
        {
            text.Append("  ").Append(peer.ServerId).Append("  ").Append(peer.EndPoint ?? "-").Append("  ").Append(peer.State)
                .Append(peer.Silent ? "  silent" : string.Empty)
                .Append(peer.IsUnreachable ? $"  {peer.Reason} ({peer.FailedConnects} failed connects)" : string.Empty).AppendLine();
        }
        text.Append("pools: ").Append(status.Pools.Count).Append(", PEs: ").Append(status.Pools.Sum(pool => pool.Elements.Count)).AppendLine();
        foreach (var pool in status.Pools)
        {
            text.Append("pool ").Append(pool.Handle).Append(": ").Append(pool.Elements.Count).Append(pool.Elements.Count == 1 ? " PE" : " PEs").AppendLine();
            foreach (var pe in pool.Elements)
            {
                text.Append("  PE ").Append(pe.Identifier).Append("  ").Append(pe.Home ? "home" : "owner " + pe.Owner).Append("  ")
                    .Append(pe.UserTransport).Append("  ").Append(pe.Policy).Append("  life ").Append(pe.RegistrationLifeMs).Append(" ms");
                if (pe.UnreachableReports > 0)
                {
                    text.Append("  unreachable reports ").Append(pe.UnreachableReports);
                }
                text.AppendLine();
            }
        }
        if (status.Refusals.Count > 0)
        {
            text.Append("refusals: ").AppendJoin(", ", status.Refusals.Select(refusal => $"{refusal.Key} {refusal.Value}")).AppendLine();
        }
        return text.ToString();
    }

    /// <summary>A transport as status and watch lines show it: kind, addresses, port.</summary>
    public static string Transport(TransportParameter transport) => TransportOf(transport).ToString();

    /// <summary>A transport as /status gives it: protocol, addresses, port and use as separate fields.</summary>
    public static TransportStatus TransportOf(TransportParameter transport)
    {
        ArgumentNullException.ThrowIfNull(transport);
        (string protocol, TransportUse? use) = transport switch
        {
            SctpTransport sctp => ("sctp", sctp.TransportUse),
            TcpTransport tcp => ("tcp", (TransportUse?)tcp.TransportUse),
            UdpTransport => ("udp", null),
            UdpLiteTransport => ("udp-lite", null),
            DccpTransport => ("dccp", null),
            _ => (transport.ParameterType.ToString().ToLowerInvariant(), null),
        };
        string? useText = use switch
        {
            null => null,
            TransportUse.DataOnly => "data",
            TransportUse.DataPlusControl => "data+control",
            _ => $"0x{(ushort)use:x4}",
        };
        return new TransportStatus(protocol, [.. transport.Addresses.Select(address => address.ToString())], transport.Port, useText);
    }

    /// <summary>A policy as status and watch lines show it: name (or number) and its values.</summary>
    public static string Policy(PoolMemberSelectionPolicy policy)
    {
        string name = Enum.IsDefined(policy.Type) ? policy.Type.ToString() : $"0x{(uint)policy.Type:x8}";
        return policy.Values.Count == 0 ? name : $"{name}:{string.Join(":", policy.Values)}";
    }
}
