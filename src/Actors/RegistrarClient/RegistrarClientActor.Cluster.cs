// Registrars learnt from the Akka cluster (docs/cluster.md "PEs and pool users find registrars through the cluster"):
// ClusterRegistrarFeedActor tells the cluster's reachable registrars, best first; they lead the registrar table.
using System.Net;
using Akka.Event;
using RSerPool.Actors.Cluster;

namespace RSerPool.Actors.RegistrarClient;

public sealed partial class RegistrarClientActor
{
    private void ReceiveClusterRegistrars() => Receive<ClusterRegistrarsUpdated>(OnClusterRegistrars);

    private void OnClusterRegistrars(ClusterRegistrarsUpdated update)
    {
        bool currentFromCluster = _currentEndPoint is { } current && _known.Any(k => k.FromCluster && k.EndPoint.Equals(current));
        var listed = new HashSet<IPEndPoint>(update.Registrars.Select(r => r.AsapEndPoint));
        bool added = listed.Except(_known.Where(k => k.FromCluster).Select(k => k.EndPoint)).Any();
        // The cluster's previous list goes; a registrar that is also static stays, as static.
        for (int i = _known.Count - 1; i >= 0; i--)
        {
            if (_known[i].FromCluster)
            {
                if (_known[i].IsStatic)
                {
                    _known[i] = _known[i] with { FromCluster = false };
                }
                else
                {
                    _known.RemoveAt(i);
                }
            }
        }

        int at = 0;
        foreach (ClusterRegistrarCandidate registrar in update.Registrars)
        {
            int existing = _known.FindIndex(k => k.EndPoint.Equals(registrar.AsapEndPoint));
            bool isStatic = false;
            if (existing >= 0)
            {
                isStatic = _known[existing].IsStatic;   // a static or announced entry of the same registrar moves up in the cluster's order
                _known.RemoveAt(existing);
            }

            _known.Insert(at++, new KnownRegistrar(registrar.AsapEndPoint, registrar.ServerId, isStatic, DateTimeOffset.MaxValue) { FromCluster = true });
        }

        if (_current is not null)
        {
            _huntIndex = 0;   // the next hunt starts at the best registrar
            if (currentFromCluster && !listed.Contains(_currentEndPoint!))
            {
                _log.Warning("registrar {Registrar} left the cluster or became unreachable: moving to another registrar", _currentEndPoint);
                Drop(_current, "registrar left the cluster");
            }

            return;
        }

        // Hunting: a connect under way finishes first; a round that failed starts over at once when a new registrar came.
        if (_connecting is null && (added || !Timers.IsTimerActive("hunt")))
        {
            Timers.Cancel("hunt");
            _huntIndex = 0;
            _triedInRound = 0;
            Hunt();
        }
    }
}
