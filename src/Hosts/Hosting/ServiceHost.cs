using System.Runtime.InteropServices;
using Akka.Actor;
using RSerPool.Hosts.Config;
using Serilog;

namespace RSerPool.Hosts.Hosting;

/// <summary>
/// Runs an actor system around one main actor until SIGTERM/SIGINT (clean shutdown, exit 0). A failure escalated
/// past the root ends the system (the guardian escalates every failure of a top-level actor), and a main actor that
/// stops by itself ends the host too: both are logged and give exit 1, so an OS supervisor can restart the process.
/// </summary>
public static class ServiceHost
{
    /// <param name="start">Starts the main actor; returns it once it serves, or null when it could not start.</param>
    public static Task<int> RunAsync(HoconConfig config, string systemName, Func<ActorSystem, ILogger, Task<IActorRef?>> start) =>
        RunAsync(config, systemName, async (system, logger) => await start(system, logger).ConfigureAwait(false) is { } main ? new HostedService(main) : null);

    /// <param name="start">Starts the service; returns it once it serves, or null when it could not start.</param>
    public static async Task<int> RunAsync(HoconConfig config, string systemName, Func<ActorSystem, ILogger, Task<HostedService?>> start)
    {
        var level = KernelConfig.LogLevel(config);
        using var logger = HostLogging.Create(level);
        var settings = KernelConfig.Read(config, logger) with
        {
            GuardianSupervisorStrategy = new OneForOneStrategy(_ => Directive.Escalate),
        };
        var system = ActorSystem.Create(systemName, settings);

        var stopRequested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);

        HostedService? service;
        try
        {
            service = await start(system, logger).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            logger.Fatal(e, "{System} cannot start: {Reason}", systemName, e.Message);
            service = null;
        }
        if (service is null)
        {
            await system.Terminate().ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        var mainStopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var main = service.Main;
        system.ActorOf(TerminationWatcherActor.Props(main, mainStopped), "main-watcher");

        var ended = await Task.WhenAny(stopRequested.Task, mainStopped.Task, system.WhenTerminated).ConfigureAwait(false);
        if (ended != stopRequested.Task)
        {
            var reason = system.TerminationReason?.Message ?? $"{main.Path} stopped";
            logger.Fatal(system.TerminationReason, "{System} failed: {Reason}", systemName, reason);
            await system.Terminate().ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        logger.Information("{System}: shutting down", systemName);
        if (service.StopAsync is { } stopAsync)
        {
            try
            {
                await stopAsync().ConfigureAwait(false);
            }
            catch (Exception e)
            {
                logger.Warning(e, "{System}: clean stop incomplete: {Reason}", systemName, e.Message);
            }
        }
        await system.Terminate().ConfigureAwait(false);
        return ExitCodes.Success;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stopRequested.TrySetResult();
        }
    }
}
