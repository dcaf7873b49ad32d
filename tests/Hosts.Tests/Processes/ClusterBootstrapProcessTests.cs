using System.Net;
using System.Net.Sockets;
using RSerPool.Hosts.Tests.Config;
using RSerPool.Hosts.Tests.Support;
using Xunit;

namespace RSerPool.Hosts.Tests.Processes;

/// <summary>
/// docs/cluster.md "Cluster bootstrap": three registrar processes given the same --config file, with Akka.Discovery's
/// config method listing their Akka.Remote endpoints and no --seed, form one cluster and peer over ENRP from it; none of
/// them starts a cluster of its own (join-self-without-seeds is set off by the bootstrap).
/// </summary>
public sealed class ClusterBootstrapProcessTests
{
    [Fact]
    public async Task Three_registrars_with_config_discovery_and_no_seed_form_one_cluster_and_peer()
    {
        int[] ports = [FreePort(), FreePort(), FreePort()];
        using var config = new TempFile($$"""
            rserpool.cluster.bootstrap = "config"
            rserpool.cluster.discovery { service-name = "registrars", required-contact-points = 3, interval = 200ms }
            akka.cluster.seed-node-timeout = 2s
            akka.discovery.config.services.registrars.endpoints = [{{string.Join(", ", ports.Select(p => $"\"127.0.0.1:{p}\""))}}]
            """);
        var registrars = new List<RserpoolProcess>();
        try
        {
            foreach (var (port, id) in ports.Zip(new[] { "a1", "b2", "c3" }))
            {
                registrars.Add(RserpoolProcess.Start("registrar", "--cluster", $"127.0.0.1:{port}", "--config", config.Path, "--server-id", $"0x000000{id}",
                    "--asap", "127.0.0.1:0", "--asap-announce", "off", "--enrp", "127.0.0.1:0"));
            }

            foreach (var registrar in registrars)
            {
                await registrar.WaitForLineAsync("in cluster mode: .* joining the seed nodes");
                await registrar.WaitForLineAsync(@"discovery of registrars by config: joining the cluster with seed nodes akka\.tcp://rserpool@127\.0\.0\.1:\d+, .*, ");
            }

            foreach (var (registrar, others) in registrars.Zip(new[] { new[] { "b2", "c3" }, ["a1", "c3"], ["a1", "b2"] }))
            {
                foreach (string other in others)
                {
                    await registrar.WaitForLineAsync($"new ENRP peer 0x000000{other}");
                }
            }

            Assert.All(registrars, r => Assert.Empty(r.LinesMatching("starting a new cluster")));
        }
        finally
        {
            foreach (var registrar in registrars)
            {
                await registrar.DisposeAsync();
            }
        }
    }

    // The config method lists the Akka.Remote endpoints before the processes start: ports the kernel just gave out.
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
