using RSerPool.Actors.Kernel;
using RSerPool.Actors.Kernel.TestKit;
using RSerPool.Actors.Tests.Kernel.Support;
using Xunit;

namespace RSerPool.Actors.Tests.Kernel;

public sealed class DeathWatchSpec : TestKit
{
    [Fact]
    public void A_watcher_receives_exactly_one_Terminated_when_the_subject_stops()
    {
        var subject = ActorOf<BlackHoleActor>();
        var watcher = ActorOf(Props.Create(() => new Watcher(TestActor, true)));
        watcher.Tell(("watch", subject), TestActor);
        watcher.Tell(("watch", subject), TestActor); // watching twice is one watch
        RunUntilIdle();

        Sys.Stop(subject);

        var terminated = ExpectMsg<Terminated>();
        Assert.Equal(subject, terminated.ActorRef);
        Assert.True(terminated.ExistenceConfirmed);
        ExpectNoMsg();
    }

    [Fact]
    public void Watching_an_already_dead_actor_delivers_Terminated_immediately()
    {
        var subject = ActorOf<BlackHoleActor>();
        Sys.Stop(subject);
        RunUntilIdle();
        var watcher = ActorOf(Props.Create(() => new Watcher(TestActor, true)));

        watcher.Tell(("watch", subject), TestActor);

        var terminated = ExpectMsg<Terminated>();
        Assert.Equal(subject, terminated.ActorRef);
        Assert.False(terminated.ExistenceConfirmed);
    }

    [Fact]
    public void Watching_Nobody_delivers_Terminated_immediately()
    {
        var watcher = ActorOf(Props.Create(() => new Watcher(TestActor, true)));

        watcher.Tell(("watch", ActorRefs.Nobody), TestActor);

        Assert.Equal(ActorRefs.Nobody, ExpectMsg<Terminated>().ActorRef);
    }

    [Fact]
    public void No_Terminated_is_delivered_after_Unwatch()
    {
        var subject = ActorOf<BlackHoleActor>();
        var watcher = ActorOf(Props.Create(() => new Watcher(TestActor, true)));
        watcher.Tell(("watch", subject), TestActor);
        watcher.Tell(("unwatch", subject), TestActor);
        ExpectMsg("unwatched");

        Sys.Stop(subject);

        ExpectNoMsg();
    }

    [Fact]
    public void Unwatch_drops_a_Terminated_that_is_already_enqueued()
    {
        var subject = ActorOf<BlackHoleActor>();
        var watcher = ActorOf(Props.Create(() => new Watcher(TestActor, true)));
        watcher.Tell(("watch", subject), TestActor);
        RunUntilIdle();

        Sys.Stop(subject);
        Assert.True(Dispatcher!.RunOne()); // the subject stops and notifies the watcher (a system message)
        watcher.Tell(("unwatch", subject), TestActor); // user message queued before the Terminated the notification creates
        RunUntilIdle();

        ExpectMsg("unwatched");
        ExpectNoMsg();
    }

    [Fact]
    public void WatchWith_delivers_the_custom_message_instead_of_Terminated()
    {
        var subject = ActorOf<BlackHoleActor>();
        var watcher = ActorOf(Props.Create(() => new Watcher(TestActor, true)));
        watcher.Tell(("watch-with", subject, (object)"subject-gone"), TestActor);
        RunUntilIdle();

        Sys.Stop(subject);

        ExpectMsg("subject-gone");
        ExpectNoMsg();
    }

    [Fact]
    public void An_unhandled_Terminated_stops_the_watcher_with_a_death_pact()
    {
        var subject = ActorOf<BlackHoleActor>();
        var watcher = ActorOf(Props.Create(() => new Watcher(TestActor, false)));
        Watch(watcher);
        watcher.Tell(("watch", subject), TestActor);
        RunUntilIdle();

        Sys.Stop(subject);

        ExpectTerminated(watcher);
        Assert.Contains(LogSink.Events, e => e.Exception is DeathPactException);
    }

    [Fact]
    public void A_parent_watching_its_child_gets_Terminated_once_the_child_stops()
    {
        var parent = ActorOf(Props.Create(() => new Supervisor(SupervisorStrategy.DefaultStrategy, TestActor)));
        parent.Tell(new CreateChild(Props.Create<BlackHoleActor>(), "kid"), TestActor);
        var child = ExpectMsg<IActorRef>();
        parent.Tell(child, TestActor); // the Supervisor watches refs it is told

        RunUntilIdle();
        child.Tell(PoisonPill.Instance, TestActor);

        Assert.Equal(child, ExpectMsg<Terminated>().ActorRef);
        ExpectNoMsg();
    }

    [Fact]
    public void Terminated_from_a_stopped_watcher_is_not_delivered_to_anyone_else()
    {
        var subject = ActorOf<BlackHoleActor>();
        var w1 = ActorOf(Props.Create(() => new Watcher(TestActor, true)));
        var w2 = ActorOf(Props.Create(() => new Watcher(TestActor, true)));
        w1.Tell(("watch", subject), TestActor);
        w2.Tell(("watch", subject), TestActor);
        RunUntilIdle();
        Sys.Stop(w2);
        RunUntilIdle();

        Sys.Stop(subject);

        Assert.Equal(w1, ExpectMsg<Terminated>().ActorRef.Equals(subject) ? LastSender : null);
        ExpectNoMsg();
    }
}
