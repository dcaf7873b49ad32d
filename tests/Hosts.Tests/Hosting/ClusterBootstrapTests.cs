using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using Akka.Cluster;
using Akka.Discovery;
using Akka.Event;
using RSerPool.Actors.Cluster;
using RSerPool.Actors.Configuration;
using RSerPool.Hosts.Config;
using RSerPool.Hosts.Hosting;
using RSerPool.Hosts.Tests.Config;
using Xunit;

namespace RSerPool.Hosts.Tests.Hosting;

/// <summary>
/// rserpool.cluster.bootstrap (docs/cluster.md "Cluster bootstrap"): three nodes created as a host creates its actor
/// system, each given only a --config file with Akka.Discovery's config method listing the three Akka.Remote endpoints,
/// form one cluster without any seed node configured.
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
        int[] ports = [FreePort(), FreePort(), FreePort()];
        string endpoints = string.Join(", ", ports.Select(p => $"\"127.0.0.1:{p}\""));
        var files = ports.Select(port => new TempFile($$"""
            rserpool.cluster.bootstrap = "config"
            rserpool.cluster.discovery { service-name = "rserpool-bootstrap-test", required-contact-points = 3, interval = 200ms }
            akka.actor.provider = cluster
            akka.remote.dot-netty.tcp { hostname = "127.0.0.1", port = {{port}} }
            akka.cluster.seed-node-timeout = 1s
            akka.loglevel = WARNING
            akka.loggers = ["Akka.Event.DefaultLogger"]
            akka.discovery.config.services.rserpool-bootstrap-test.endpoints = [ {{endpoints}} ]
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
                Assert.True(ClusterBootstrapHost.Start(system, Logging.GetLogger(system, typeof(ClusterBootstrapTests))));
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
        }
        finally
        {
            await Task.WhenAll(systems.Select(s => s.Terminate()));
            files.ForEach(f => f.Dispose());
        }
    }

    [Fact]
    public void The_seed_nodes_are_the_targets_addresses_sorted_with_this_nodes_port_when_discovery_gives_none()
    {
        var self = new Address("akka.tcp", "rserpool", "10.0.0.2", 4053);
        var resolved = new ServiceDiscovery.Resolved("rserpool", [
            new ServiceDiscovery.ResolvedTarget("10-0-0-3.rserpool.pod.cluster.local", 4053, IPAddress.Parse("10.0.0.3")),
            new ServiceDiscovery.ResolvedTarget("10.0.0.2", 4053, null),
            new ServiceDiscovery.ResolvedTarget("registrar-1", null, null),
            new ServiceDiscovery.ResolvedTarget("10.0.0.2", 4053, null),
        ]);

        Assert.Equal(["akka.tcp://rserpool@10.0.0.2:4053", "akka.tcp://rserpool@10.0.0.3:4053", "akka.tcp://rserpool@registrar-1:4053"],
            DiscoverySeedJoinActor.SeedNodes(resolved, self).Select(a => a.ToString()));
    }

    [Fact]
    public void Kubernetes_bootstrap_brings_the_kubernetes_discovery_defaults_and_config_needs_none()
    {
        using var kubernetes = new TempFile("rserpool.cluster.bootstrap = \"kubernetes\"\nrserpool.cluster.discovery.port-name = \"remote\"");
        using var config = new TempFile("rserpool.cluster.bootstrap = \"config\"");

        var withKubernetes = ClusterBootstrapHost.Configure(HostConfig.Load([kubernetes.Path]).Config);
        var plain = HostConfig.Load([config.Path]).Config;

        Assert.Equal("Akka.Discovery.KubernetesApi.KubernetesApiServiceDiscovery, Akka.Discovery.KubernetesApi", withKubernetes.GetString("akka.discovery.kubernetes-api.class"));
        Assert.Same(plain, ClusterBootstrapHost.Configure(plain));
        var discovery = ClusterBootstrapConfig.ReadDiscovery(withKubernetes)!;
        Assert.Equal(("kubernetes-api", "rserpool", "remote", 1), (discovery.Method, discovery.ServiceName, discovery.PortName, discovery.RequiredContactPoints));
    }

    [Fact]
    public void Off_leaves_the_configuration_alone_and_a_bad_value_names_the_key()
    {
        var off = HostConfig.Load([]).Config;
        using var bad = new TempFile("rserpool.cluster.bootstrap = \"dns\"");
        using var none = new TempFile("rserpool.cluster.bootstrap = \"config\"\nrserpool.cluster.discovery.required-contact-points = 0");

        Assert.Same(off, ClusterBootstrapHost.Configure(off));
        Assert.Null(ClusterBootstrapConfig.ReadDiscovery(off));
        var error = Assert.Throws<RSerPoolConfigException>(() => HostConfig.Load([bad.Path]).Read(ClusterBootstrapConfig.Read));
        Assert.Contains("rserpool.cluster.bootstrap: 'dns' is not off, config or kubernetes", error.Message, StringComparison.Ordinal);
        Assert.Contains(bad.Path, error.Message, StringComparison.Ordinal);
        Assert.Equal("rserpool.cluster.discovery.required-contact-points",
            Assert.Throws<RSerPoolConfigException>(() => HostConfig.Load([none.Path]).Read(ClusterBootstrapConfig.ReadDiscovery)).Key);
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
    public void Bootstrap_without_cluster_mode_is_a_configuration_error()
    {
        using var file = new TempFile("rserpool.cluster.bootstrap = \"config\"\nakka.loggers = [\"Akka.Event.DefaultLogger\"]");
        using var system = HostSystem.Create("rserpool", HostConfig.Load([file.Path]));

        var error = Assert.Throws<RSerPoolConfigException>(() => ClusterBootstrapHost.Start(system, Logging.GetLogger(system, typeof(ClusterBootstrapTests))));
        Assert.Contains("needs cluster mode (--cluster HOST:PORT)", error.Message, StringComparison.Ordinal);
    }

    // The config method lists the nodes' Akka.Remote endpoints before they start, so their ports are chosen here: a
    // port the kernel just gave out and nobody holds.
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
