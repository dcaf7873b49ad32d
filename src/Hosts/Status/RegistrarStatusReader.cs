// Builds a RegistrarStatus from the registrar's own observations (GetHandlespaceSnapshot, GetEnrpStatus).
using System.Globalization;
using RSerPool.Actors.Enrp;
using Akka.Actor;
using RSerPool.Actors.Registrar;
using RSerPool.Actors.Transport;
using RSerPool.Wire.Parameters;

namespace RSerPool.Hosts.Status;

/// <summary>Asks a running registrar actor for its handlespace and ENRP view and renders them as a <see cref="RegistrarStatus"/>.</summary>
public sealed class RegistrarStatusReader(IActorRef registrar, RegistrarStarted started, bool enrp, TimeSpan timeout)
{
    /// <summary>The ASAP listener's refusal and close counts, shown with the status; null = none.</summary>
    public ConnectionCounters? Connections { get; init; }

    /// <summary>Reads the cluster members shown with the status (<see cref="ClusterStatusReader"/>); null = none.</summary>
    public Func<ClusterStatus?>? Cluster { get; init; }

    public async Task<RegistrarStatus> ReadAsync(CancellationToken cancellationToken)
    {
        var snapshot = await registrar.Ask<HandlespaceSnapshot>(GetHandlespaceSnapshot.Instance, timeout, cancellationToken).ConfigureAwait(false);
        EnrpStatus? enrpStatus = enrp ? await registrar.Ask<EnrpStatus>(GetEnrpStatus.Instance, timeout, cancellationToken).ConfigureAwait(false) : null;
        return Render(started, snapshot, enrpStatus) with
        {
            Connections = Connections?.Snapshot() ?? new Dictionary<string, long>(),
            Cluster = Cluster?.Invoke(),
        };
    }

    /// <summary>The status document of <paramref name="snapshot"/> and <paramref name="enrpStatus"/> (null: ENRP off).</summary>
    public static RegistrarStatus Render(RegistrarStarted started, HandlespaceSnapshot snapshot, EnrpStatus? enrpStatus)
    {
        ArgumentNullException.ThrowIfNull(started);
        ArgumentNullException.ThrowIfNull(snapshot);
        var pools = snapshot.Elements
            .GroupBy(pe => pe.PoolHandle)
            .Select(pool => new PoolStatus(pool.Key.ToString(), pool.Select(pe => new PoolElementStatus(
                Id(pe.Identifier), Id(pe.OwnerId), pe.OwnerId == started.ServerId, StatusText.TransportOf(pe.UserTransport), StatusText.Policy(pe.Policy),
                pe.RegistrationLifeMs, pe.UnreachableReports)).ToList()))
            .ToList();
        var peers = enrpStatus?.Peers.Select(peer => new PeerStatus(Id(peer.ServerId), peer.EndPoint?.ToString(), peer.State.ToString(), peer.Silent))
            .Concat(enrpStatus.UnreachablePeers.Select(peer => new PeerStatus("unknown", peer.EndPoint.ToString(), PeerStatus.UnreachableState, Silent: false)
            {
                Reason = peer.Reason,
                FailedConnects = peer.Attempts,
            }))
            .ToList() ?? [];
        return new RegistrarStatus(Id(started.ServerId), started.AsapEndPoint.ToString(), started.AsapSctpEndPoint?.ToString(),
            started.EnrpEndPoint?.ToString(), started.EnrpTransports ?? [], enrpStatus?.InStartup ?? false, peers, pools)
        {
            Refusals = snapshot.Refusals,
        };
    }

    private static string Id(uint id) => "0x" + id.ToString("x8", CultureInfo.InvariantCulture);
}
