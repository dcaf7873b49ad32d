// The HTTP contact point of Akka.Management's cluster bootstrap, served by Kestrel (docs/cluster.md "Cluster bootstrap").
using System.Collections.Immutable;
using System.Net;
using Akka.Actor;
using Akka.Cluster;
using Akka.Management.Cluster.Bootstrap;
using Akka.Management.Cluster.Bootstrap.ContactPoint;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json;
using RSerPool.Hosts.Status;

namespace RSerPool.Hosts.Hosting;

/// <summary>
/// Answers <c>GET {base-path}/bootstrap/seed-nodes</c> as Akka.Management's own route does (the same JSON types, the
/// same serializer), so that the bootstrap of other nodes can probe this one. Written here because Akka.Management's
/// HTTP endpoint does not start with the Ceen.Httpd release this project can use (README, dependency table).
/// </summary>
public sealed class BootstrapContactPointServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BootstrapContactPointServer(WebApplication app) => _app = app;

    /// <summary>The probe path under <paramref name="basePath"/> (akka.management.http.base-path), as Akka.Management builds it.</summary>
    public static string SeedNodesPath(string basePath) =>
        basePath.Length == 0 ? "/bootstrap/seed-nodes" : $"/{basePath.Trim('/')}/bootstrap/seed-nodes";

    public static async Task<BootstrapContactPointServer> StartAsync(ActorSystem system, IPEndPoint bind, string basePath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(bind);
        ArgumentNullException.ThrowIfNull(basePath);
        var app = SlimKestrel.Create(bind);
        int maxSeedNodes = ClusterBootstrapSettings.Create(system.Settings.Config, system.Log).ContactPoint.MaxSeedNodesToExpose;
        app.MapGet(SeedNodesPath(basePath), () => Results.Text(SeedNodesJson(Cluster.Get(system), maxSeedNodes), "application/json"));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return new BootstrapContactPointServer(app);
    }

    /// <summary>
    /// This node and the members another node may join: none while this node is leaving or gone, else the reachable
    /// members that are Joining, WeaklyUp or Up (at most <paramref name="maxSeedNodes"/>).
    /// </summary>
    public static string SeedNodesJson(Cluster cluster, int maxSeedNodes)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var self = cluster.SelfMember;
        var members = ImmutableList<HttpBootstrapJsonProtocol.ClusterMember>.Empty;
        if (self.Status is not (MemberStatus.Down or MemberStatus.Exiting or MemberStatus.Leaving or MemberStatus.Removed))
        {
            var state = cluster.State;
            members = state.Members
                .Where(m => !state.Unreachable.Contains(m) && m.Status is MemberStatus.Up or MemberStatus.WeaklyUp or MemberStatus.Joining)
                .Take(maxSeedNodes)
                .Select(m => new HttpBootstrapJsonProtocol.ClusterMember(m.UniqueAddress.Address, m.UniqueAddress.Uid, m.Status, m.Roles))
                .ToImmutableList();
        }

        return JsonConvert.SerializeObject(new HttpBootstrapJsonProtocol.SeedNodes(self.UniqueAddress.Address, members));
    }

    public async ValueTask DisposeAsync()
    {
        await SlimKestrel.StopAsync(_app).ConfigureAwait(false);
    }
}
