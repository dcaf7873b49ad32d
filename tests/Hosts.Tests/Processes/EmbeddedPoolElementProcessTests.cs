using RSerPool.Hosts.Tests.Support;
using Xunit;

namespace RSerPool.Hosts.Tests.Processes;

/// <summary>
/// samples/EmbeddedPoolElement, an Akka.NET application registering one of its own actors as an echo PE, against a
/// real <c>rserpool registrar</c> and <c>rserpool terminal</c>: every line comes back, and SIGTERM deregisters the PE.
/// </summary>
public sealed class EmbeddedPoolElementProcessTests
{
    // The sample is built into its own output folder with the same configuration and framework as these tests.
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
    public async Task The_embedded_actor_pe_answers_a_terminal_and_deregisters_on_sigterm()
    {
        await using var registrar = RserpoolProcess.Start("registrar", "--asap", "127.0.0.1:0", "--asap-announce", "off", "--enrp", "off");
        string endPoint = (await registrar.WaitForLineAsync(@"ready: ASAP on TCP (127\.0\.0\.1:\d+)")).Groups[1].Value;

        await using var sample = RserpoolProcess.StartExecutable(SampleDll, "--registrar", endPoint, "--pool", "ActorEchoPool");
        string identifier = (await sample.WaitForLineAsync(@"PE 0x([0-9a-f]{8}) ready in pool ActorEchoPool")).Groups[1].Value;
        await registrar.WaitForLineAsync($"PE 0x{identifier} registered in ActorEchoPool");

        await using (var terminal = RserpoolProcess.Start("terminal", "--pool", "ActorEchoPool", "--registrar", endPoint, "--asap-announce", "off"))
        {
            string[] lines = ["first line", "second line", "third line"];
            foreach (var line in lines)
                await terminal.WriteLineAsync(line);
            foreach (var line in lines)
                await terminal.WaitForLineAsync($"^{line}$");
            terminal.CloseInput();
            Assert.Equal(0, await terminal.WaitForExitAsync());
        }

        sample.Signal();                                                      // SIGTERM: CoordinatedShutdown deregisters
        Assert.Equal(0, await sample.WaitForExitAsync());
        await registrar.WaitForLineAsync($"PE 0x{identifier} removed from ActorEchoPool.*Deregistered");
    }

    [Fact]
    public async Task Missing_arguments_are_a_usage_error()
    {
        await using var sample = RserpoolProcess.StartExecutable(SampleDll, "--pool", "ActorEchoPool");
        Assert.Equal(2, await sample.WaitForExitAsync());
        Assert.Contains("--registrar HOST:PORT", sample.Output, StringComparison.Ordinal);
    }
}
