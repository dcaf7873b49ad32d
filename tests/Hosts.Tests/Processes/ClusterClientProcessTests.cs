using System.Net.Http.Json;
using RSerPool.Hosts.Status;
using RSerPool.Hosts.Tests.Support;
using Xunit;

namespace RSerPool.Hosts.Tests.Processes;

/// <summary>
/// PEs and pool users find their registrar through the cluster (docs/cluster.md): a clustered registrar, then
/// `rserpool server`, `rserpool terminal` and the embedded sample started with --cluster/--seed and no registrar
/// address; the registrar's /status lists them as cluster members with their roles.
/// </summary>
public sealed class ClusterClientProcessTests
{
    private static string SampleDll
    {
        get
        {
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            string framework = output.Name, configuration = output.Parent!.Name;
            var repository = output.Parent.Parent!.Parent!.Parent!.Parent!.FullName;     // tests/Hosts.Tests/bin/<configuration>/<framework>
            return Path.Combine(repository, "samples", "EmbeddedPoolElement", "bin", configuration, framework, "embedded-pool-element.dll");
        }
    }

    [Fact]
    public async Task A_server_a_terminal_and_the_sample_need_only_a_seed_and_show_on_the_status_page()
    {
        await using var registrar = RserpoolProcess.Start("registrar", "--cluster", "127.0.0.1:0", "--asap", "127.0.0.1:0", "--asap-announce", "off",
            "--enrp", "off", "--status", "127.0.0.1:0");
        string seed = "127.0.0.1:" + (await registrar.WaitForLineAsync(@"in cluster mode: akka\.tcp://rserpool@127\.0\.0\.1:(\d+)")).Groups[1].Value;
        string url = (await registrar.WaitForLineAsync(@"status on (http://127\.0\.0\.1:\d+/)status")).Groups[1].Value;

        await using var server = RserpoolProcess.Start("server", "--cluster", "127.0.0.1:0", "--seed", seed, "--pool", "EchoPool", "--service", "echo",
            "--local", "127.0.0.1:0", "--transport", "tcp");
        string pe = (await server.WaitForLineAsync(@"server ready: PE 0x([0-9a-f]{8})")).Groups[1].Value;
        await registrar.WaitForLineAsync($"PE 0x{pe} registered in EchoPool");

        await using var sample = RserpoolProcess.StartExecutable(SampleDll, "--seed", seed, "--pool", "ActorEchoPool");
        string actorPe = (await sample.WaitForLineAsync(@"PE 0x([0-9a-f]{8}) ready in pool ActorEchoPool")).Groups[1].Value;
        await registrar.WaitForLineAsync($"PE 0x{actorPe} registered in ActorEchoPool");

        await using (var terminal = RserpoolProcess.Start("terminal", "--cluster", "127.0.0.1:0", "--seed", seed, "--pool", "EchoPool"))
        {
            // The status page while the terminal is a member: registrar, server, sample and terminal, all reachable.
            using var http = new HttpClient();
            await terminal.WriteLineAsync("hello cluster");
            await terminal.WaitForLineAsync("^hello cluster$");
            var status = await http.GetFromJsonAsync<RegistrarStatus>(new Uri(new Uri(url), "status"), StatusServer.Json);
            var cluster = Assert.IsType<ClusterStatus>(status!.Cluster);
            Assert.Equal(["registrar"], Assert.Single(cluster.Members, m => m.Self).Roles);
            Assert.True(cluster.Members.Count(m => m.Roles.Contains("rserpool-client")) >= 3,
                $"expected server, sample and terminal as rserpool-client members: {string.Join("; ", cluster.Members)}");
            Assert.All(cluster.Members, m => Assert.True(m.Reachable));

            await terminal.WriteLineAsync("again");
            await terminal.WaitForLineAsync("^again$");
            terminal.CloseInput();
            Assert.Equal(0, await terminal.WaitForExitAsync());
        }

        sample.Signal();
        Assert.Equal(0, await sample.WaitForExitAsync());
        await registrar.WaitForLineAsync($"PE 0x{actorPe} removed from ActorEchoPool.*Deregistered");
    }

    [Fact]
    public async Task A_client_with_cluster_but_no_seed_is_a_usage_error()
    {
        await using var server = RserpoolProcess.Start("server", "--cluster", "127.0.0.1:0", "--pool", "EchoPool");
        Assert.Equal(2, await server.WaitForExitAsync());
        Assert.Contains("--seed HOST:PORT", server.Output, StringComparison.Ordinal);
    }
}
