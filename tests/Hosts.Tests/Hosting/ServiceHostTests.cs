using Akka;
using Akka.Actor;
using RSerPool.Hosts.Config;
using RSerPool.Hosts.Hosting;
using Xunit;

namespace RSerPool.Hosts.Tests.Hosting;

/// <summary>
/// The exit codes of <see cref="ServiceHost"/> when the service fails (signals are tested on real processes,
/// Processes/): the coordinated shutdown runs the service's stop tasks and the host exits 1.
/// </summary>
public sealed class ServiceHostTests
{
    private static readonly HostConfig Config = HostConfig.Load([], new ConfigOverrides().Set("akka.loglevel", "Warning", "--log-level"));

    [Fact]
    public async Task A_main_actor_that_stops_by_itself_runs_the_shutdown_tasks_and_exits_1()
    {
        var stopTaskRan = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        int exit = await ServiceHost.RunAsync(Config, "stopping-main", TextWriter.Null, (system, _) =>
        {
            CoordinatedShutdown.Get(system).AddTask(CoordinatedShutdown.PhaseServiceUnbind, "record", () =>
            {
                stopTaskRan.TrySetResult();
                return Task.FromResult(Done.Instance);
            });
            var main = system.ActorOf(Props.Create(() => new StopsOnMessage()), "main");
            main.Tell("stop");
            return Task.FromResult<IActorRef?>(main);
        });

        Assert.Equal(ExitCodes.Failure, exit);
        Assert.True(stopTaskRan.Task.IsCompleted);
    }

    [Fact]
    public async Task A_main_actor_that_fails_is_stopped_by_the_guardian_not_restarted_and_the_host_exits_1()
    {
        int starts = 0;

        int exit = await ServiceHost.RunAsync(Config, "failing-main", TextWriter.Null, (system, _) =>
        {
            var main = system.ActorOf(Props.Create(() => new FailsOnMessage(() => Interlocked.Increment(ref starts))), "main");
            main.Tell("fail");
            return Task.FromResult<IActorRef?>(main);
        });

        Assert.Equal(ExitCodes.Failure, exit);
        Assert.Equal(1, Volatile.Read(ref starts));
    }

    [Fact]
    public async Task A_service_that_cannot_start_exits_1()
    {
        Assert.Equal(ExitCodes.Failure, await ServiceHost.RunAsync(Config, "no-start", TextWriter.Null, (_, _) => Task.FromResult<IActorRef?>(null)));
        Assert.Equal(ExitCodes.Failure, await ServiceHost.RunAsync(Config, "throwing-start", TextWriter.Null, (_, _) => throw new InvalidOperationException("port taken")));
    }

    [Fact]
    public async Task A_configuration_the_actor_system_refuses_exits_2()
    {
        using var file = new Config.TempFile("akka.loggers = [\"No.Such.Logger, Nowhere\"]");
        var stderr = new StringWriter();

        int exit = await ServiceHost.RunAsync(HostConfig.Load([file.Path]), "refused", stderr, (_, _) => Task.FromResult<IActorRef?>(null));

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("the actor system refuses this configuration", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_config_file_makes_the_coordinated_shutdown_exit_the_process_or_run_twice()
    {
        using var file = new Config.TempFile("akka.coordinated-shutdown { exit-clr = on, run-by-clr-shutdown-hook = on }");
        var system = HostSystem.Create("fixed", HostConfig.Load([file.Path]));
        try
        {
            Assert.False(system.Settings.Config.GetBoolean("akka.coordinated-shutdown.exit-clr"));
            Assert.False(system.Settings.Config.GetBoolean("akka.coordinated-shutdown.run-by-clr-shutdown-hook"));
        }
        finally
        {
            await system.Terminate();
        }
    }

    private sealed class StopsOnMessage : ReceiveActor
    {
        public StopsOnMessage() => ReceiveAny(_ => Context.Stop(Self));
    }

    private sealed class FailsOnMessage : ReceiveActor
    {
        public FailsOnMessage(Action started)
        {
            started();
            ReceiveAny(_ => throw new InvalidOperationException("the main actor failed"));
        }
    }
}
