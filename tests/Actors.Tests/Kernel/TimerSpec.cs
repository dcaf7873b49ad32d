using RSerPool.Actors.Kernel;
using RSerPool.Actors.Kernel.Event;
using RSerPool.Actors.Kernel.TestKit;
using RSerPool.Actors.Tests.Kernel.Support;
using Xunit;
using static RSerPool.Actors.Tests.Kernel.Support.TimerActor;

namespace RSerPool.Actors.Tests.Kernel;

public sealed class TimerSpec : TestKit
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public void A_single_timer_fires_at_its_deadline_and_not_before()
    {
        var actor = TimerActorOf();
        actor.Tell(new StartSingle("k", "tick", Second), TestActor);
        RunUntilIdle();

        Scheduler.Advance(Second - TimeSpan.FromMilliseconds(1));
        ExpectNoMsg();
        Scheduler.Advance(TimeSpan.FromMilliseconds(1));

        ExpectMsg("tick");
        Scheduler.Advance(TimeSpan.FromMinutes(1));
        ExpectNoMsg();
    }

    [Fact]
    public void A_periodic_timer_fires_k_times_across_k_intervals_in_one_advance()
    {
        var actor = TimerActorOf();
        actor.Tell(new StartPeriodic("k", "tick", Second, Second), TestActor);
        RunUntilIdle();

        Scheduler.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(10, ReceiveWhile<string>(s => s == "tick").Count);
        ExpectNoMsg();
    }

    [Fact]
    public void A_periodic_timer_honours_its_initial_delay()
    {
        var actor = TimerActorOf();
        actor.Tell(new StartPeriodic("k", "tick", TimeSpan.FromSeconds(5), Second), TestActor);
        RunUntilIdle();

        Scheduler.Advance(TimeSpan.FromSeconds(4.5));
        ExpectNoMsg();
        Scheduler.Advance(TimeSpan.FromSeconds(2.5)); // t = 7 s: ticks at 5, 6, 7

        Assert.Equal(3, ReceiveWhile<string>(s => s == "tick").Count);
    }

    [Fact]
    public void Timers_at_the_same_instant_fire_in_start_order()
    {
        var actor = TimerActorOf();
        actor.Tell(new StartSingle("b", "second", Second), TestActor);
        actor.Tell(new StartSingle("a", "first-started-later", TimeSpan.FromMilliseconds(500)), TestActor);
        actor.Tell(new StartSingle("c", "third", Second), TestActor);
        RunUntilIdle();

        Scheduler.Advance(Second);

        Assert.Equal(["first-started-later", "second", "third"], ReceiveN(3));
    }

    [Fact]
    public void No_message_is_delivered_after_Cancel_even_if_already_enqueued()
    {
        var actor = TimerActorOf();
        actor.Tell(new StartSingle("k", "tick", Second), TestActor);
        RunUntilIdle();

        actor.Tell(new CancelTimer("k"), TestActor); // queued before the tick
        Clock!.Advance(Second); // the tick is enqueued now, behind the cancel, without running the actor
        RunUntilIdle();

        ExpectNoMsg();
    }

    [Fact]
    public void Restarting_cancels_all_timers_including_enqueued_ticks()
    {
        var supervisor = ActorOf(Props.Create(() => new Supervisor(new OneForOneStrategy(_ => Directive.Restart), TestActor)));
        supervisor.Tell(new CreateChild(Props.Create(() => new TimerActor(TestActor))), TestActor);
        var actor = ExpectMsg<IActorRef>();
        actor.Tell(new StartPeriodic("p", "periodic", Second, Second), TestActor);
        actor.Tell(new StartSingle("s", "single", Second), TestActor);
        RunUntilIdle();

        actor.Tell(new Fail(new InvalidOperationException("boom")), TestActor);
        Clock!.Advance(Second); // both ticks are enqueued behind the failing message
        RunUntilIdle();
        Scheduler.Advance(TimeSpan.FromSeconds(10));

        ExpectNoMsg();
        actor.Tell(new IsActive("p"), TestActor);
        ExpectMsg(false);
    }

    [Fact]
    public void Starting_a_key_again_replaces_the_old_timer()
    {
        var actor = TimerActorOf();
        actor.Tell(new StartSingle("k", "old", Second), TestActor);
        actor.Tell(new StartSingle("k", "new", TimeSpan.FromSeconds(2)), TestActor);
        RunUntilIdle();

        Scheduler.Advance(TimeSpan.FromSeconds(5));

        ExpectMsg("new");
        ExpectNoMsg();
    }

    [Fact]
    public void A_single_timer_is_active_until_it_is_delivered()
    {
        var actor = TimerActorOf();
        actor.Tell(new StartSingle("k", "tick", Second), TestActor);
        actor.Tell(new IsActive("k"), TestActor);
        ExpectMsg(true);

        Scheduler.Advance(Second);
        ExpectMsg("tick");
        actor.Tell(new IsActive("k"), TestActor);

        ExpectMsg(false);
    }

    [Fact]
    public void Stopping_an_actor_cancels_its_timers_without_dead_letters()
    {
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        var actor = TimerActorOf();
        actor.Tell(new StartPeriodic("k", "tick", Second, Second), TestActor);
        RunUntilIdle();

        Sys.Stop(actor);
        Scheduler.Advance(TimeSpan.FromSeconds(10));

        deadLetters.ExpectNoMsg();
        Assert.Equal(0, Clock!.PendingTimerCount);
    }

    [Fact]
    public void ScheduleTellRepeatedlyCancelable_repeats_until_cancelled()
    {
        var cancelable = Sys.Scheduler.ScheduleTellRepeatedlyCancelable(Second, TimeSpan.FromSeconds(2), TestActor, "rep", ActorRefs.NoSender);

        Scheduler.Advance(TimeSpan.FromSeconds(5)); // 1, 3, 5
        Assert.Equal(3, ReceiveWhile<string>(s => s == "rep").Count);
        cancelable.Cancel();
        Scheduler.Advance(TimeSpan.FromSeconds(10));

        ExpectNoMsg();
        Assert.True(cancelable.IsCancellationRequested);
    }

    [Fact]
    public void A_shared_Cancelable_cancels_every_schedule_it_was_passed_to()
    {
        var cancelable = new Cancelable();
        Sys.Scheduler.ScheduleTellOnce(Second, TestActor, "a", ActorRefs.NoSender, cancelable);
        Sys.Scheduler.ScheduleTellRepeatedly(Second, Second, TestActor, "b", ActorRefs.NoSender, cancelable);

        cancelable.Cancel();
        Scheduler.Advance(TimeSpan.FromSeconds(3));

        ExpectNoMsg();
    }

    [Fact]
    public void ScheduleOnce_runs_the_action_at_its_virtual_time()
    {
        var ran = 0;
        Sys.Scheduler.ScheduleOnce(TimeSpan.FromSeconds(2), () => ran++);

        Scheduler.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, ran);
        Scheduler.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(1, ran);
    }

    [Fact]
    public void A_zero_delay_schedule_tells_immediately()
    {
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.Zero, TestActor, "now", ActorRefs.NoSender);

        ExpectMsg("now");
    }

    private IActorRef TimerActorOf() => ActorOf(Props.Create(() => new TimerActor(TestActor)));
}
