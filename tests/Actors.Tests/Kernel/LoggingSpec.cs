using RSerPool.Actors.Kernel;
using RSerPool.Actors.Kernel.Event;
using RSerPool.Actors.Kernel.TestKit;
using RSerPool.Actors.Tests.Kernel.Support;
using Serilog.Events;
using Xunit;

namespace RSerPool.Actors.Tests.Kernel;

public sealed class LoggingSpec : TestKit
{
    [Fact]
    public void Events_from_an_actor_logger_carry_the_actor_path()
    {
        var actor = ActorOf(Props.Create(() => new Chatty()), "chatty");

        actor.Tell("hello", TestActor);
        RunUntilIdle();

        var logged = Assert.Single(LogSink.Events, e => e.MessageTemplate.Text.StartsWith("got", StringComparison.Ordinal));
        Assert.Equal(LogEventLevel.Information, logged.Level);
        Assert.Equal("\"akka://test/user/chatty\"", logged.Properties["ActorPath"].ToString());
        Assert.Equal("\"hello\"", logged.Properties["0"].ToString());
    }

    [Fact]
    public void A_supervised_failure_is_logged_with_the_child_path_and_the_exception()
    {
        var supervisor = ActorOf(Props.Create(() => new Supervisor(SupervisorStrategy.DefaultStrategy, TestActor)), "sup");
        supervisor.Tell(new CreateChild(Props.Create(() => new LifecycleActor(TestActor, "c")), "c"), TestActor);
        var child = ReceiveN(2).OfType<IActorRef>().Single();
        var cause = new InvalidOperationException("logged");

        child.Tell(new Fail(cause), TestActor);
        RunUntilIdle();

        var logged = Assert.Single(LogSink.AtLeast(LogEventLevel.Error));
        Assert.Same(cause, logged.Exception);
        Assert.Equal("\"akka://test/user/sup/c\"", logged.Properties["ActorPath"].ToString());
    }

    [Fact]
    public void Every_kernel_event_carries_an_actor_path()
    {
        var actor = ActorOf(Props.Create(() => new Chatty()));
        actor.Tell(123, TestActor); // unhandled
        Sys.Stop(actor);
        actor.Tell("late", TestActor); // dead letter
        Sys.Terminate();
        RunUntilIdle();

        Assert.NotEmpty(LogSink.Events);
        Assert.All(LogSink.Events, e => Assert.True(e.Properties.ContainsKey("ActorPath"), e.MessageTemplate.Text));
    }

    [Fact]
    public void The_configured_log_level_filters_actor_loggers()
    {
        var quiet = ActorSystem.Create("quiet", new ActorSystemSettings
        {
            Dispatcher = new RSerPool.Actors.Kernel.Dispatch.ManualDispatcher(),
            TimeProvider = new ManualTimeProvider(),
            Logger = new Serilog.LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(LogSink).CreateLogger(),
            LogLevel = LogEventLevel.Warning,
        });
        var adapter = Logging.GetLogger(quiet, "src");

        adapter.Info("hidden");
        adapter.Warning("shown");

        Assert.DoesNotContain(LogSink.Events, e => e.MessageTemplate.Text == "hidden");
        Assert.Contains(LogSink.Events, e => e.MessageTemplate.Text == "shown");
        Assert.False(adapter.IsInfoEnabled);
    }

    private sealed class Chatty : ReceiveActor
    {
        public Chatty()
        {
            var log = Context.GetLogger();
            Receive<string>(s => log.Info("got {0}", s));
        }
    }
}
