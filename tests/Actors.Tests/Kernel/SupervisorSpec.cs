using RSerPool.Actors.Kernel;
using RSerPool.Actors.Kernel.Dispatch;
using RSerPool.Actors.Kernel.TestKit;
using RSerPool.Actors.Tests.Kernel.Support;
using Xunit;

namespace RSerPool.Actors.Tests.Kernel;

public sealed class SupervisorSpec : TestKit
{
    private static readonly InvalidOperationException Boom = new("boom");

    [Fact]
    public void Restart_creates_a_fresh_instance_keeps_the_mailbox_and_drops_the_failing_message()
    {
        var (_, child) = Supervised(new OneForOneStrategy(_ => Directive.Restart));
        var first = ExpectMsg<Lifecycle>(l => l.Hook == "PreStart").Instance;
        child.Tell("inc", TestActor);
        child.Tell("inc", TestActor);
        child.Tell(new Fail(Boom), TestActor);
        child.Tell("inc", TestActor);
        child.Tell("count", TestActor);

        var preRestart = ExpectMsg<Lifecycle>(l => l.Hook == "PreRestart");
        Assert.Equal(first, preRestart.Instance);
        Assert.Contains("Fail", preRestart.Detail);
        ExpectMsg<Lifecycle>(l => l.Hook == "PostStop" && l.Instance == first);
        var postRestart = ExpectMsg<Lifecycle>(l => l.Hook == "PostRestart");
        Assert.NotEqual(first, postRestart.Instance);
        ExpectMsg<Lifecycle>(l => l.Hook == "PreStart" && l.Instance == postRestart.Instance);
        Assert.Equal(1, ExpectMsg<int>()); // fresh state; the queued "inc" survived, the failing message was not redelivered
        ExpectNoMsg();
    }

    [Fact]
    public void Resume_keeps_the_instance_and_its_state_and_drops_the_failing_message()
    {
        var (_, child) = Supervised(new OneForOneStrategy(_ => Directive.Resume));
        ExpectMsg<Lifecycle>(l => l.Hook == "PreStart");
        child.Tell("inc", TestActor);
        child.Tell(new Fail(Boom), TestActor);
        child.Tell("inc", TestActor);
        child.Tell("count", TestActor);

        Assert.Equal(2, ExpectMsg<int>());
        ExpectNoMsg();
    }

    [Fact]
    public void Stop_directive_stops_the_failing_child()
    {
        var (_, child) = Supervised(new OneForOneStrategy(_ => Directive.Stop));
        ExpectMsg<Lifecycle>(l => l.Hook == "PreStart");
        Watch(child);

        child.Tell(new Fail(Boom), TestActor);

        ExpectMsg<Lifecycle>(l => l.Hook == "PostStop");
        ExpectTerminated(child);
    }

    [Fact]
    public void Escalate_makes_the_supervisor_fail_with_the_same_cause()
    {
        var grandParentProbe = CreateTestProbe();
        var captured = new List<Exception>();
        var topStrategy = new OneForOneStrategy(ex =>
        {
            captured.Add(ex);
            return Directive.Stop;
        });
        var top = ActorOf(Props.Create(() => new Supervisor(topStrategy, grandParentProbe.Ref)), "top");
        top.Tell(new CreateChild(Props.Create(() => new Supervisor(new OneForOneStrategy(_ => Directive.Escalate), TestActor)), "middle"), TestActor);
        var middle = ExpectMsg<IActorRef>();
        middle.Tell(new CreateChild(Props.Create(() => new LifecycleActor(TestActor, "leaf")), "leaf"), TestActor);
        var leaf = ReceiveN(2).OfType<IActorRef>().Single();
        grandParentProbe.Watch(middle);

        leaf.Tell(new Fail(Boom), TestActor);

        grandParentProbe.ExpectTerminated(middle);
        Assert.Same(Boom, Assert.Single(captured));
        ExpectMsg<Lifecycle>(l => l.Id == "leaf" && l.Hook == "PostStop");
    }

    [Fact]
    public void OneForOne_stops_the_child_when_restarts_exceed_the_limit_within_the_window()
    {
        var (_, child) = Supervised(new OneForOneStrategy(2, TimeSpan.FromSeconds(10), _ => Directive.Restart));
        Watch(child);

        for (var i = 0; i < 2; i++)
        {
            child.Tell(new Fail(Boom), TestActor);
            RunUntilIdle();
            Scheduler.Advance(TimeSpan.FromSeconds(1));
        }

        child.Tell("still-alive", TestActor);
        FishForMessage<(string, object)>(m => m.Item2 is "still-alive");
        child.Tell(new Fail(Boom), TestActor); // third failure within 10 s

        FishForMessage<Terminated>(t => t.ActorRef.Equals(child));
    }

    [Fact]
    public void OneForOne_window_starts_over_once_it_has_passed()
    {
        var (_, child) = Supervised(new OneForOneStrategy(2, TimeSpan.FromSeconds(10), _ => Directive.Restart));
        Watch(child);

        for (var i = 0; i < 6; i++)
        {
            child.Tell(new Fail(Boom), TestActor);
            RunUntilIdle();
            Scheduler.Advance(TimeSpan.FromSeconds(6)); // two failures per 10 s window at most
        }

        child.Tell("still-alive", TestActor);
        var seen = new List<object>();
        FishForMessage<object>(m => { seen.Add(m); return m is ValueTuple<string, object> { Item2: "still-alive" }; });
        Assert.DoesNotContain(seen, m => m is Terminated);
    }

    [Fact]
    public void Zero_retries_means_the_first_restart_is_denied_and_the_child_stops()
    {
        var (_, child) = Supervised(new OneForOneStrategy(0, null, _ => Directive.Restart));
        ExpectMsg<Lifecycle>(l => l.Hook == "PreStart");
        Watch(child);

        child.Tell(new Fail(Boom), TestActor);

        ExpectMsg<Lifecycle>(l => l.Hook == "PostStop");
        ExpectTerminated(child);
    }

    [Fact]
    public void A_retry_limit_without_window_counts_all_restarts_ever()
    {
        var (_, child) = Supervised(new OneForOneStrategy(3, null, _ => Directive.Restart));
        Watch(child);

        for (var i = 0; i < 3; i++)
        {
            child.Tell(new Fail(Boom), TestActor);
            Scheduler.Advance(TimeSpan.FromHours(1));
        }

        child.Tell("alive", TestActor);
        FishForMessage<(string, object)>(m => m.Item2 is "alive");
        child.Tell(new Fail(Boom), TestActor);
        FishForMessage<Terminated>(t => t.ActorRef.Equals(child));
    }

    [Fact]
    public void AllForOne_restart_restarts_every_child()
    {
        var supervisor = ActorOf(Props.Create(() => new Supervisor(new AllForOneStrategy(_ => Directive.Restart), TestActor)));
        var a = CreateChild(supervisor, "a");
        var b = CreateChild(supervisor, "b");

        a.Tell(new Fail(Boom), TestActor);
        var events = ReceiveN(8).Cast<Lifecycle>().Select(l => $"{l.Id}:{l.Hook}").ToList();

        foreach (var id in new[] { "a", "b" })
        {
            Assert.Contains($"{id}:PreRestart", events);
            Assert.Contains($"{id}:PostRestart", events);
            Assert.True(events.IndexOf($"{id}:PreRestart") < events.IndexOf($"{id}:PostRestart"));
        }

        b.Tell("after", TestActor);
        ExpectMsg(("b", (object)"after"));
    }

    [Fact]
    public void AllForOne_stop_stops_every_child()
    {
        var supervisor = ActorOf(Props.Create(() => new Supervisor(new AllForOneStrategy(_ => Directive.Stop), TestActor)));
        var a = CreateChild(supervisor, "a");
        var b = CreateChild(supervisor, "b");
        Watch(a);
        Watch(b);

        b.Tell(new Fail(Boom), TestActor);

        var messages = ReceiveN(4);
        Assert.Equal(2, messages.OfType<Lifecycle>().Count(l => l.Hook == "PostStop"));
        Assert.Equal(2, messages.OfType<Terminated>().Count());
    }

    [Fact]
    public void AllForOne_resume_resumes_only_the_failing_child_and_siblings_keep_working()
    {
        var supervisor = ActorOf(Props.Create(() => new Supervisor(new AllForOneStrategy(_ => Directive.Resume), TestActor)));
        var a = CreateChild(supervisor, "a");
        var b = CreateChild(supervisor, "b");

        a.Tell("inc", TestActor);
        a.Tell(new Fail(Boom), TestActor);
        a.Tell("count", TestActor);
        b.Tell("count", TestActor);

        Assert.Equal([1, 0], ReceiveN(2).Cast<int>().OrderDescending());
        ExpectNoMsg();
    }

    [Fact]
    public void AllForOne_limit_is_checked_for_every_child_and_stops_all_when_exceeded()
    {
        var supervisor = ActorOf(Props.Create(() => new Supervisor(new AllForOneStrategy(1, TimeSpan.FromMinutes(1), _ => Directive.Restart), TestActor)));
        var a = CreateChild(supervisor, "a");
        var b = CreateChild(supervisor, "b");
        Watch(a);
        Watch(b);

        a.Tell(new Fail(Boom), TestActor);
        RunUntilIdle();
        a.Tell(new Fail(Boom), TestActor);

        var messages = FishAll();
        Assert.Equal(2, messages.OfType<Terminated>().Count());
    }

    [Fact]
    public void AllForOne_escalate_fails_the_supervisor_which_its_parent_then_stops()
    {
        var top = ActorOf(Props.Create(() => new Supervisor(SupervisorStrategy.StoppingStrategy, TestActor)));
        top.Tell(new CreateChild(Props.Create(() => new Supervisor(new AllForOneStrategy(_ => Directive.Escalate), TestActor)), "middle"), TestActor);
        var middle = ExpectMsg<IActorRef>();
        var a = CreateChild(middle, "a");
        CreateChild(middle, "b");
        Watch(middle);

        a.Tell(new Fail(Boom), TestActor);

        var messages = FishAll();
        Assert.Equal(2, messages.OfType<Lifecycle>().Count(l => l.Hook == "PostStop"));
        Assert.Contains(messages.OfType<Terminated>(), t => t.ActorRef.Equals(middle));
    }

    [Fact]
    public void A_failure_report_from_an_older_incarnation_is_ignored()
    {
        var (supervisor, child) = Supervised(new OneForOneStrategy(_ => Directive.Stop));
        ExpectMsg<Lifecycle>(l => l.Hook == "PreStart");
        var stale = new Failed(child, Boom, ((InternalActorRef)child).Uid + 1000);

        ((InternalActorRef)supervisor).SendSystemMessage(stale);
        child.Tell("ping", TestActor);

        ExpectMsg(("child", (object)"ping"));
        ExpectNoMsg();
    }

    [Fact]
    public void The_default_strategy_stops_a_child_whose_constructor_throws()
    {
        var supervisor = ActorOf(Props.Create(() => new Supervisor(SupervisorStrategy.DefaultStrategy, TestActor)));
        supervisor.Tell(new CreateChild(Props.Create(() => new ThrowingConstructorActor())), TestActor);
        var child = ExpectMsg<IActorRef>();
        Watch(child);

        ExpectTerminated(child);
    }

    [Fact]
    public void The_default_strategy_restarts_on_ordinary_exceptions_and_stops_on_Kill()
    {
        var (_, child) = Supervised(SupervisorStrategy.DefaultStrategy);
        ExpectMsg<Lifecycle>(l => l.Hook == "PreStart");
        Watch(child);

        child.Tell(new Fail(Boom), TestActor);
        ExpectMsg<Lifecycle>(l => l.Hook == "PreRestart");
        ReceiveN(3);
        child.Tell(Kill.Instance, TestActor);

        ExpectMsg<Lifecycle>(l => l.Hook == "PostStop");
        ExpectTerminated(child);
    }

    [Fact]
    public void The_restart_window_reads_the_kernel_clock()
    {
        var (_, child) = Supervised(new OneForOneStrategy(1, TimeSpan.FromSeconds(5), _ => Directive.Restart));
        Watch(child);
        child.Tell(new Fail(Boom), TestActor);
        RunUntilIdle();

        Scheduler.Advance(TimeSpan.FromSeconds(5) + TimeSpan.FromTicks(1)); // only virtual time passes
        child.Tell(new Fail(Boom), TestActor);
        child.Tell("alive", TestActor);

        var seen = new List<object>();
        FishForMessage<object>(m => { seen.Add(m); return m is ValueTuple<string, object> { Item2: "alive" }; });
        Assert.DoesNotContain(seen, m => m is Terminated);
    }

    private (IActorRef Supervisor, IActorRef Child) Supervised(SupervisorStrategy strategy)
    {
        var supervisor = ActorOf(Props.Create(() => new Supervisor(strategy, TestActor)));
        supervisor.Tell(new CreateChild(Props.Create(() => new LifecycleActor(TestActor, "child")), "child"), TestActor);
        var child = FishForMessage<IActorRef>(_ => true);
        return (supervisor, child);
    }

    private IActorRef CreateChild(IActorRef supervisor, string id)
    {
        supervisor.Tell(new CreateChild(Props.Create(() => new LifecycleActor(TestActor, id)), id), TestActor);
        return ReceiveN(2).OfType<IActorRef>().Single();
    }

    private List<object> FishAll()
    {
        var all = new List<object>();
        while (TestProbe.MessageCount > 0)
            all.Add(ReceiveN(1)[0]);
        return all;
    }

    private sealed class ThrowingConstructorActor : ActorBase
    {
        public ThrowingConstructorActor() => throw new InvalidOperationException("ctor");

        protected override bool Receive(object message) => true;
    }
}
