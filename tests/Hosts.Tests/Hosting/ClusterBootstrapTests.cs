using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using Akka.Cluster;
using Akka.Management.Cluster.Bootstrap.ContactPoint;
using Akka.Event;
using RSerPool.Actors.Configuration;
using RSerPool.Hosts.Config;
using RSerPool.Hosts.Hosting;
using RSerPool.Hosts.Tests.Config;
using Newtonsoft.Json;
using Xunit;

namespace RSerPool.Hosts.Tests.Hosting;

/// <summary>
/// rserpool.cluster.bootstrap (docs/cluster.md "Cluster bootstrap"): three nodes created as a host creates its actor
/// system, each given only --config files with Akka.Discovery's config method listing the three HTTP contact points,
/// form one cluster through Akka.Management's cluster bootstrap without any seed node configured.
/// </summary>
public sealed class ClusterBootstrapTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly TimeSpan FormTimeout = TimeSpan.FromSeconds(45);

    public ClusterBootstrapTests()
        : base("akka.loglevel = WARNING", "bootstrap-test")
    {
    }

    [Fact]
    public async Task Three_nodes_form_one_cluster_from_config_discovery_without_seed_nodes()
    {
        int[] remotePorts = [FreePort(), FreePort(), FreePort()];
        int[] contactPorts = [FreePort(), FreePort(), FreePort()];
        string contactPoints = string.Join(", ", contactPorts.Select(p => $"\"127.0.0.1:{p}\""));
        var files = remotePorts.Zip(contactPorts).Select(ports => new TempFile($$"""
            rserpool.cluster.bootstrap = "config"
            akka.management.cluster.bootstrap {
              contact-point-discovery { service-name = "rserpool-bootstrap-test", required-contact-point-nr = 3, interval = 200ms, stable-margin = 1s }
              # All on one host: probe every port listed, not only this node's own port (Akka.Management filters so by default).
              contact-point { probe-interval = 500ms, filter-on-fallback-port = false }
            }
            akka.management.http.port = {{ports.Second}}
            akka.actor.provider = cluster
            akka.remote.dot-netty.tcp { hostname = "127.0.0.1", port = {{ports.First}} }
            akka.loglevel = WARNING
            akka.loggers = ["Akka.Event.DefaultLogger"]
            akka.discovery.config.services.rserpool-bootstrap-test.endpoints = [ {{contactPoints}} ]
            """)).ToList();
        var systems = new List<ActorSystem>();
        try
        {
            foreach (var file in files)
            {
                var config = HostConfig.Load([file.Path]);
                Assert.Equal(ClusterBootstrapMethod.Config, config.Read(ClusterBootstrapConfig.Read));
                Assert.Empty(config.Config.GetStringList("akka.cluster.seed-nodes"));
                var system = HostSystem.Create("rserpool", config);
                systems.Add(system);
                Assert.True(await ClusterBootstrapHost.StartAsync(system, Logging.GetLogger(system, typeof(ClusterBootstrapTests)), CancellationToken.None));
            }

            await AwaitAssertAsync(() =>
            {
                foreach (var system in systems)
                {
                    Assert.Equal(3, Cluster.Get(system).State.Members.Count(m => m.Status == MemberStatus.Up));
                }
            }, FormTimeout, TimeSpan.FromMilliseconds(200));
            var addresses = systems.Select(s => Cluster.Get(s).SelfAddress).ToHashSet();
            Assert.Equal(addresses, Cluster.Get(systems[0]).State.Members.Select(m => m.Address).ToHashSet());

            // What another node's bootstrap reads from a contact point: this node and the members it may join.
            using var http = new HttpClient();
            string body = await http.GetStringAsync(new Uri($"http://127.0.0.1:{contactPorts[1]}/bootstrap/seed-nodes"));
            var seedNodes = JsonConvert.DeserializeObject<HttpBootstrapJsonProtocol.SeedNodes>(body)!;
            Assert.Equal(Cluster.Get(systems[1]).SelfAddress, seedNodes.SelfNode);
            Assert.Equal(addresses, seedNodes.Nodes.Select(n => n.Node).ToHashSet());
            Assert.All(seedNodes.Nodes, n => Assert.Equal(MemberStatus.Up, n.Status));
        }
        finally
        {
            await Task.WhenAll(systems.Select(s => s.Terminate()));
            files.ForEach(f => f.Dispose());
        }
    }

    [Fact]
    public async Task A_node_leaving_its_cluster_offers_no_members_to_join()
    {
        using var file = new TempFile("""
            akka.actor.provider = cluster
            akka.remote.dot-netty.tcp { hostname = "127.0.0.1", port = 0 }
            akka.loglevel = WARNING
            akka.loggers = ["Akka.Event.DefaultLogger"]
            """);
        using var system = HostSystem.Create("rserpool", HostConfig.Load([file.Path]));
        var cluster = Cluster.Get(system);
        await cluster.JoinAsync(cluster.SelfAddress);
        var up = JsonConvert.DeserializeObject<HttpBootstrapJsonProtocol.SeedNodes>(BootstrapContactPointServer.SeedNodesJson(cluster, 5))!;

        await cluster.LeaveAsync();
        var left = JsonConvert.DeserializeObject<HttpBootstrapJsonProtocol.SeedNodes>(BootstrapContactPointServer.SeedNodesJson(cluster, 5))!;

        Assert.Equal([cluster.SelfAddress], up.Nodes.Select(n => n.Node));
        Assert.Equal(cluster.SelfAddress, left.SelfNode);
        Assert.Empty(left.Nodes);
    }

    [Fact]
    public void Kubernetes_bootstrap_brings_the_kubernetes_discovery_defaults_and_both_methods_name_theirs()
    {
        using var kubernetes = new TempFile("rserpool.cluster.bootstrap = \"kubernetes\"\nakka.remote.dot-netty.tcp.hostname = \"10.0.0.7\"");
        using var config = new TempFile("rserpool.cluster.bootstrap = \"config\"\nakka.management.http.hostname = \"node-1\"\nakka.management.cluster.bootstrap.contact-point-discovery.service-name = \"registrars\"");

        var withKubernetes = ClusterBootstrapHost.Configure(HostConfig.Load([kubernetes.Path]).Config);
        var withConfig = ClusterBootstrapHost.Configure(HostConfig.Load([config.Path]).Config);

        Assert.Equal("Akka.Discovery.KubernetesApi.KubernetesApiServiceDiscovery, Akka.Discovery.KubernetesApi", withKubernetes.GetString("akka.discovery.kubernetes-api.class"));
        Assert.Equal(("kubernetes-api", "rserpool", "10.0.0.7", 8558),
            (withKubernetes.GetString("akka.management.cluster.bootstrap.contact-point-discovery.discovery-method"),
             withKubernetes.GetString("akka.management.cluster.bootstrap.contact-point-discovery.service-name"),
             withKubernetes.GetString("akka.management.http.hostname"), withKubernetes.GetInt("akka.management.http.port")));
        Assert.Equal(("config", "registrars", "node-1"),
            (withConfig.GetString("akka.management.cluster.bootstrap.contact-point-discovery.discovery-method"),
             withConfig.GetString("akka.management.cluster.bootstrap.contact-point-discovery.service-name"),
             withConfig.GetString("akka.management.http.hostname")));
        Assert.False(withConfig.HasPath("akka.discovery.kubernetes-api.class"));
    }

    [Fact]
    public void Off_leaves_the_configuration_alone_and_a_bad_value_names_the_key()
    {
        var off = HostConfig.Load([]).Config;
        using var bad = new TempFile("rserpool.cluster.bootstrap = \"dns\"");

        Assert.Same(off, ClusterBootstrapHost.Configure(off));
        var error = Assert.Throws<RSerPoolConfigException>(() => HostConfig.Load([bad.Path]).Read(ClusterBootstrapConfig.Read));
        Assert.Contains("rserpool.cluster.bootstrap: 'dns' is not off, config or kubernetes", error.Message, StringComparison.Ordinal);
        Assert.Contains(bad.Path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_node_that_bootstraps_never_joins_itself_for_want_of_seeds()
    {
        using var bootstrap = new TempFile("rserpool.cluster { enabled = on, bootstrap = \"kubernetes\" }");
        using var seeds = new TempFile("rserpool.cluster.enabled = on");

        Assert.False(HostConfig.Load([bootstrap.Path]).Read(ClusterConfig.Read).JoinSelfWithoutSeeds);
        Assert.True(HostConfig.Load([seeds.Path]).Read(ClusterConfig.Read).JoinSelfWithoutSeeds);
    }

    [Fact]
    public async Task Bootstrap_without_cluster_mode_is_a_configuration_error()
    {
        using var file = new TempFile("rserpool.cluster.bootstrap = \"config\"\nakka.loggers = [\"Akka.Event.DefaultLogger\"]");
        using var system = HostSystem.Create("rserpool", HostConfig.Load([file.Path]));

        var error = await Assert.ThrowsAsync<RSerPoolConfigException>(() =>
            ClusterBootstrapHost.StartAsync(system, Logging.GetLogger(system, typeof(ClusterBootstrapTests)), CancellationToken.None));
        Assert.Contains("needs cluster mode (--cluster HOST:PORT)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_contact_point_port_that_is_no_port_names_its_key()
    {
        using var file = new TempFile("""
            rserpool.cluster.bootstrap = "config"
            akka.management.http.port = 0
            akka.actor.provider = cluster
            akka.remote.dot-netty.tcp { hostname = "127.0.0.1", port = 0 }
            akka.loggers = ["Akka.Event.DefaultLogger"]
            """);
        using var system = HostSystem.Create("rserpool", HostConfig.Load([file.Path]));

        var error = await Assert.ThrowsAsync<RSerPoolConfigException>(() =>
            ClusterBootstrapHost.StartAsync(system, Logging.GetLogger(system, typeof(ClusterBootstrapTests)), CancellationToken.None));
        Assert.Equal("akka.management.http.port", error.Key);
    }

    // The config method lists the nodes' contact points before they start, so their ports are chosen here: a
    // port the kernel just gave out and nobody holds.
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
