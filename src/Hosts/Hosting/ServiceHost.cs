using System.Runtime.InteropServices;
using Akka.Actor;
using Akka.Event;
using RSerPool.Actors.Configuration;
using RSerPool.Hosts.Config;
using Serilog;

namespace RSerPool.Hosts.Hosting;

/// <summary>
/// Runs an actor system around one main actor (the registrar, a PE) until SIGTERM or SIGINT, which run Akka's
/// <see cref="CoordinatedShutdown"/>: the tasks the service added (a PE deregisters, RFC 5352 §3.2; a registrar closes
/// its associations), then the system terminates and the host exits 0. A main actor that stops or fails (the guardian
/// stops a failing top-level actor: akka.actor.guardian-supervisor-strategy) or a service that cannot start runs the
/// same shutdown and exits 1, so an OS supervisor can restart the process.
/// </summary>
/// <remarks>
/// CoordinatedShutdown directly rather than Akka.Hosting on Microsoft.Extensions.Hosting: a host here is one actor
/// system, one main actor and a few shutdown tasks, and its exit code must say how it ended. The generic host would add
/// a second lifetime with its own signal handling, shutdown timeout and logging pipeline next to Akka's, and would turn
/// an ended main actor into a stopped application whose exit code the host would still have to carry out by hand.
/// The host owns SIGTERM/SIGINT (run-by-clr-shutdown-hook = off, so Akka's ProcessExit hook does not run the shutdown
/// a second time; exit-clr = off, so Akka never calls Environment.Exit; Program turns off System.CommandLine's own
/// signal handling for these commands).
/// </remarks>
public static class ServiceHost
{
    /// <param name="config">The run's configuration; the actor system is created from <see cref="HostConfig.Config"/>.</param>
    /// <param name="systemName">Name of the actor system, also the subject of the host's log lines.</param>
    /// <param name="stderr">Where a configuration the actor system refuses is reported (exit 2).</param>
    /// <param name="start">
    /// Starts the service and returns its main actor once it serves, or null when it could not start. It adds its stop
    /// work to <c>CoordinatedShutdown.Get(system)</c>.
    /// </param>
    public static async Task<int> RunAsync(HostConfig config, string systemName, TextWriter stderr, Func<ActorSystem, ILoggingAdapter, Task<IActorRef?>> start)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(start);
        if (HostLogging.FileProblem(config) is { } problem)
        {
            await stderr.WriteLineAsync($"rserpool: {problem}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        HostLogging.Install(config, systemName);
        StartupTimeline.Mark("logging");
        try
        {
            if (await HostSystem.TryCreateAsync(systemName, config, stderr).ConfigureAwait(false) is not { } system)
            {
                return ExitCodes.Usage;
            }

            StartupTimeline.Mark("actor system");
            return await ServeAsync(system, systemName, start).ConfigureAwait(false);
        }
        finally
        {
            await Log.CloseAndFlushAsync().ConfigureAwait(false);
        }
    }

    private static async Task<int> ServeAsync(ActorSystem system, string systemName, Func<ActorSystem, ILoggingAdapter, Task<IActorRef?>> start)
    {
        var log = Logging.GetLogger(system, typeof(ServiceHost));
        var shutdown = CoordinatedShutdown.Get(system);
        int stopping = 0;
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);

        var starting = StartAsync();
        await Task.WhenAny(starting, system.WhenTerminated).ConfigureAwait(false);
        IActorRef? main = starting.IsCompletedSuccessfully ? starting.Result : null;
        if (main is null)
        {
            await shutdown.Run(HostShutdownReason.StartFailed).ConfigureAwait(false);
            await system.WhenTerminated.ConfigureAwait(false);
            return ExitCode(shutdown);
        }

        var mainStopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        system.ActorOf(TerminationWatcherActor.Props(main, mainStopped), "main-watcher");
        await Task.WhenAny(mainStopped.Task, system.WhenTerminated).ConfigureAwait(false);
        if (shutdown.ShutdownReason is null && mainStopped.Task.IsCompleted)
        {
            log.Error("{System} failed: {Reason}", systemName, $"{main.Path} stopped");
            await shutdown.Run(HostShutdownReason.MainStopped).ConfigureAwait(false);
        }

        await system.WhenTerminated.ConfigureAwait(false);
        if (shutdown.ShutdownReason is not HostShutdownReason)
        {
            // Terminated by something else than this host (nothing in RSerPool terminates the system): a failure.
            Log.Error("{System} failed: {Reason}", systemName, $"actor system terminated ({shutdown.ShutdownReason?.ToString() ?? "no reason"})");
        }

        return ExitCode(shutdown);

        async Task<IActorRef?> StartAsync()
        {
            try
            {
                await ClusterBootstrapHost.StartAsync(system, log, CancellationToken.None).ConfigureAwait(false);
                return await start(system, log).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                // One line for the operator (a busy port, a refused registration); the stack trace only at Debug.
                log.Error("{System} cannot start: {Reason}", systemName, Describe(e));
                log.Debug(e, "{System} start failure", systemName);
                return null;
            }
        }

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;   // no default termination: the coordinated shutdown ends the process
            if (Interlocked.Exchange(ref stopping, 1) == 0)
            {
                log.Info("{System}: shutting down", systemName);
                _ = shutdown.Run(HostShutdownReason.Signal);
            }
        }
    }

    /// <summary>The message of <paramref name="e"/> and of its inner exceptions where they add to it, on one line.</summary>
    public static string Describe(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var parts = new List<string>();
        for (Exception? current = e; current is not null; current = current.InnerException)
        {
            string message = current.Message.ReplaceLineEndings(" ").Trim();
            if (message.Length > 0 && !parts.Any(p => p.Contains(message, StringComparison.Ordinal)))
            {
                parts.Add(message);
            }
        }

        return string.Join(": ", parts);
    }

    private static int ExitCode(CoordinatedShutdown shutdown) =>
        shutdown.ShutdownReason is HostShutdownReason { Clean: true } ? ExitCodes.Success : ExitCodes.Failure;
}
