using Akka.Actor;
using Akka.Event;
using RSerPool.Actors.Configuration;
using RSerPool.Hosts.Config;
using Serilog;

namespace RSerPool.Hosts.Hosting;

/// <summary>
/// The actor system of a short-lived client command (terminal, fetch): logs on stderr (stdout carries the answers), the
/// system created from the run's configuration and terminated, through its coordinated shutdown, when the work ends.
/// </summary>
public static class ClientHost
{
    /// <param name="config">The run's configuration.</param>
    /// <param name="systemName">Name of the actor system.</param>
    /// <param name="stderr">Where a configuration the actor system refuses is reported (exit 2).</param>
    /// <param name="work">The command's work; its result is the exit code.</param>
    public static async Task<int> RunAsync(HostConfig config, string systemName, TextWriter stderr, Func<ActorSystem, ILoggingAdapter, Task<int>> work)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(work);
        if (HostLogging.FileProblem(config) is { } problem)
        {
            await stderr.WriteLineAsync($"rserpool: {problem}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        HostLogging.Install(config, systemName, toStandardError: true);
        try
        {
            if (await HostSystem.TryCreateAsync(systemName, config, stderr).ConfigureAwait(false) is not { } system)
            {
                return ExitCodes.Usage;
            }

            try
            {
                var log = Logging.GetLogger(system, typeof(ClientHost));
                try
                {
                    await ClusterBootstrapHost.StartAsync(system, log, CancellationToken.None).ConfigureAwait(false);
                }
                catch (RSerPoolConfigException e)
                {
                    await stderr.WriteLineAsync($"rserpool: {e.Message}").ConfigureAwait(false);
                    return ExitCodes.Usage;
                }
                catch (InvalidOperationException e)
                {
                    await stderr.WriteLineAsync($"rserpool: {e.Message}").ConfigureAwait(false);
                    return ExitCodes.Failure;
                }

                return await work(system, log).ConfigureAwait(false);
            }
            finally
            {
                await system.Terminate().ConfigureAwait(false);
            }
        }
        finally
        {
            await Log.CloseAndFlushAsync().ConfigureAwait(false);
        }
    }
}
