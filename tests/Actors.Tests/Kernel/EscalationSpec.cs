using RSerPool.Actors.Kernel;
using RSerPool.Actors.Kernel.Dispatch;
using RSerPool.Actors.Kernel.TestKit;
using RSerPool.Actors.Tests.Kernel.Support;
using Serilog.Events;
using Xunit;

namespace RSerPool.Actors.Tests.Kernel;

public sealed class EscalationSpec : TestKit
{
    public EscalationSpec()
        : base(new ActorSystemSettings
        {
            Dispatcher = new ManualDispatcher(),
            TimeProvider = new ManualTimeProvider(),
            GuardianSupervisorStrategy = new OneForOneStrategy(_ => Directive.Escalate),
        })
    {
    }

    [Fact]
    public void A_failure_escalated_past_the_guardian_terminates_the_system_with_the_cause()
    {
        var escalate = new OneForOneStrategy(_ => Directive.Escalate);
        var top = ActorOf(Props.Create(() => new Supervisor(escalate, TestActor)), "top");
        top.Tell(new CreateChild(Props.Create(() => new LifecycleActor(TestActor, "leaf"))), TestActor);
        var leaf = ReceiveN(2).OfType<IActorRef>().Single();
        var cause = new InvalidOperationException("fatal for the host");

        leaf.Tell(new Fail(cause), TestActor);
        RunUntilIdle();

        Assert.True(Sys.WhenTerminated.IsCompletedSuccessfully);
        Assert.Same(cause, Sys.TerminationReason);
        var fatal = Assert.Single(LogSink.AtLeast(LogEventLevel.Fatal));
        Assert.Same(cause, fatal.Exception);
        Assert.True(fatal.Properties.ContainsKey("ActorPath"));
    }

    [Fact]
    public void Without_escalation_the_system_keeps_running()
    {
        var top = ActorOf(Props.Create(() => new LifecycleActor(TestActor, "top")), "top");
        ExpectMsg<Lifecycle>(l => l.Hook == "PreStart");

        top.Tell("hello", TestActor);

        ExpectMsg(("top", (object)"hello"));
        Assert.False(Sys.WhenTerminated.IsCompleted);
        Assert.Null(Sys.TerminationReason);
    }
}
