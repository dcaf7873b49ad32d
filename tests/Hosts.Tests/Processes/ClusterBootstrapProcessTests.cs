using System.Net;
using System.Net.Sockets;
using RSerPool.Hosts.Tests.Config;
using RSerPool.Hosts.Tests.Support;
using Xunit;

namespace RSerPool.Hosts.Tests.Processes;

/// <summary>
/// docs/cluster.md "Cluster bootstrap": three registrar processes given the same --config file, with Akka.Discovery's
/// config method listing their contact points and no --seed, form one cluster through Akka.Management's cluster
/// bootstrap and peer over ENRP from it (ENRP peers come from the cluster: each registrar peering with both others means
/// one cluster of three, not several).
/// </summary>
public sealed class ClusterBootstrapProcessTests
{
    [Fact]
    public async Task Three_registrars_with_config_discovery_and_no_seed_form_one_cluster_and_peer()
    {
        int[] ports = [FreePort(), FreePort(), FreePort()];
        int[] contactPorts = [FreePort(), FreePort(), FreePort()];
        using var config = new TempFile($$"""
            rserpool.cluster.bootstrap = "config"
            akka.management.cluster.bootstrap {
              contact-point-discovery { service-name = "registrars", required-contact-point-nr = 3, interval = 200ms, stable-margin = 1s }
              # All on one host: probe every port listed, not only this node's own port (Akka.Management filters so by default).
              contact-point { probe-interval = 500ms, filter-on-fallback-port = false }
            }
            akka.discovery.config.services.registrars.endpoints = [{{string.Join(", ", contactPorts.Select(p => $"\"127.0.0.1:{p}\""))}}]
            """);
        var contactPointFiles = contactPorts.Select(p => new TempFile($"akka.management.http.port = {p}")).ToList();
        var registrars = new List<RserpoolProcess>();
        try
        {
            foreach (var (port, contactPoint, id) in ports.Zip(contactPointFiles, new[] { "a1", "b2", "c3" }))
            {
                registrars.Add(RserpoolProcess.Start("registrar", "--cluster", $"127.0.0.1:{port}", "--config", config.Path, "--config", contactPoint.Path,
                    "--server-id", $"0x000000{id}", "--asap", "127.0.0.1:0", "--asap-announce", "off", "--enrp", "127.0.0.1:0"));
            }

            foreach (var (registrar, contactPort) in registrars.Zip(contactPorts))
            {
                await registrar.WaitForLineAsync($@"cluster bootstrap: looking up registrars by config discovery; contact point http://127\.0\.0\.1:{contactPort}/");
            }

            foreach (var (registrar, others) in registrars.Zip(new[] { new[] { "b2", "c3" }, ["a1", "c3"], ["a1", "b2"] }))
            {
                foreach (string other in others)
                {
                    await registrar.WaitForLineAsync($"new ENRP peer 0x000000{other}");
                }
            }
        }
        finally
        {
            foreach (var registrar in registrars)
            {
                await registrar.DisposeAsync();
            }

            contactPointFiles.ForEach(f => f.Dispose());
        }
    }

    // The config method lists the contact points before the processes start: ports the kernel just gave out.
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
