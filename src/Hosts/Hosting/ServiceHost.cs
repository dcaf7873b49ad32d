using System.Runtime.InteropServices;
using RSerPool.Actors.Kernel;
using RSerPool.Hosts.Config;
using Serilog;

namespace RSerPool.Hosts.Hosting;

/// <summary>
/// Runs an actor system until SIGTERM/SIGINT (clean shutdown, exit 0) or until the system ends by itself
/// (a failure escalated past the root: logged, exit 1).
/// </summary>
public static class ServiceHost
{
    public static async Task<int> RunAsync(HoconConfig config, string systemName, Func<ActorSystem, ILogger, Task<bool>> start)
    {
        var level = KernelConfig.LogLevel(config);
        using var logger = HostLogging.Create(level);
        var system = ActorSystem.Create(systemName, KernelConfig.Read(config, logger));

        var stopRequested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);

        if (!await start(system, logger).ConfigureAwait(false))
        {
            await system.Terminate().ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        var ended = await Task.WhenAny(stopRequested.Task, system.WhenTerminated).ConfigureAwait(false);
        if (ended == system.WhenTerminated)
        {
            logger.Fatal(system.TerminationReason, "{System} stopped by itself: {Reason}", systemName, system.TerminationReason?.Message ?? "unknown");
            return ExitCodes.Failure;
        }
        logger.Information("{System}: shutting down", systemName);
        await system.Terminate().ConfigureAwait(false);
        return system.TerminationReason is null ? ExitCodes.Success : ExitCodes.Failure;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stopRequested.TrySetResult();
        }
    }
}
