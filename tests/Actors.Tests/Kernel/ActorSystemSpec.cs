using RSerPool.Actors.Kernel;
using RSerPool.Actors.Kernel.TestKit;
using RSerPool.Actors.Tests.Kernel.Support;
using Serilog.Events;
using Xunit;

namespace RSerPool.Actors.Tests.Kernel;

public sealed class ActorSystemSpec : TestKit
{
    [Fact]
    public void Terminate_stops_children_before_parents_and_completes_the_task()
    {
        var log = new List<string>();
        var parent = ActorOf(Props.Create(() => new StopRecorder(log, "parent")), "parent");
        parent.Tell(new CreateChild(Props.Create(() => new StopRecorder(log, "child")), "child"), TestActor);
        parent.Tell(new CreateChild(Props.Create(() => new StopRecorder(log, "child2")), "child2"), TestActor);
        ExpectMsg<IActorRef>();
        var child2 = ExpectMsg<IActorRef>();
        child2.Tell(new CreateChild(Props.Create(() => new StopRecorder(log, "grandchild")), "g"), TestActor);
        ExpectMsg<IActorRef>();

        var terminated = Sys.Terminate();
        Assert.False(terminated.IsCompleted); // nothing runs before the dispatcher does
        RunUntilIdle();

        Assert.True(terminated.IsCompletedSuccessfully);
        Assert.Null(Sys.TerminationReason);
        Assert.Equal(4, log.Count);
        Assert.Equal("parent", log[^1]);
        Assert.True(log.IndexOf("grandchild") < log.IndexOf("child2"));
        Assert.True(log.IndexOf("child") < log.IndexOf("parent"));
    }

    [Fact]
    public void A_grandchild_stops_before_its_parent_stops()
    {
        var parent = ActorOf(Props.Create(() => new LifecycleActor(TestActor, "p")), "p");
        ExpectMsg<Lifecycle>(l => l.Hook == "PreStart");
        var child = CreateChildOf(parent, "c");
        CreateChildOf(child, "g");

        Sys.Stop(parent);
        var order = ReceiveN(3).Cast<Lifecycle>().Select(l => $"{l.Id}:{l.Hook}").ToArray();

        Assert.Equal(["g:PostStop", "c:PostStop", "p:PostStop"], order);
    }

    private IActorRef CreateChildOf(IActorRef parent, string id)
    {
        parent.Tell(new CreateChild(Props.Create(() => new LifecycleActor(TestActor, id)), id), TestActor);
        var replies = ReceiveN(2);
        Assert.Single(replies.OfType<Lifecycle>(), l => l.Id == id && l.Hook == "PreStart");
        return replies.OfType<IActorRef>().Single();
    }

    [Fact]
    public void Names_must_be_unique_among_live_children_and_well_formed()
    {
        ActorOf<EchoActor>("echo");

        Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create<EchoActor>(), "echo"));
        Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create<EchoActor>(), "$reserved"));
        Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create<EchoActor>(), "a/b"));
        Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create<EchoActor>(), ""));
    }

    [Fact]
    public void A_name_becomes_free_again_once_its_actor_has_terminated()
    {
        var first = ActorOf<EchoActor>("reused");
        Watch(first);
        Sys.Stop(first);
        ExpectTerminated(first);

        var second = ActorOf<EchoActor>("reused");

        Assert.Equal(first.Path, second.Path);
        Assert.NotEqual(first, second); // same path, different incarnation
    }

    [Fact]
    public void Generated_names_are_distinct_and_start_with_a_dollar()
    {
        var names = Enumerable.Range(0, 100).Select(_ => Sys.ActorOf(Props.Create<EchoActor>()).Path.Name).ToList();

        Assert.Equal(100, names.Distinct().Count());
        Assert.All(names, n => Assert.StartsWith("$", n));
    }

    [Fact]
    public void Top_level_actors_live_under_the_user_guardian()
    {
        var echo = ActorOf<EchoActor>("echo");

        Assert.Equal("akka://test/user/echo", echo.Path.ToString());
        Assert.Equal(["user", "echo"], echo.Path.Elements);
    }

    [Fact]
    public void Creating_an_actor_after_termination_throws()
    {
        Sys.Terminate();
        RunUntilIdle();

        Assert.Throws<InvalidOperationException>(() => Sys.ActorOf(Props.Create<EchoActor>()));
    }

    [Fact]
    public void PoisonPill_is_processed_after_the_user_messages_queued_before_it()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>());
        Watch(echo);
        echo.Tell(1, TestActor);
        echo.Tell(2, TestActor);
        echo.Tell(PoisonPill.Instance, TestActor);
        echo.Tell(3, TestActor);

        ExpectMsg(1);
        ExpectMsg(2);
        ExpectTerminated(echo);
        ExpectNoMsg();
    }

    [Fact]
    public void Stop_overtakes_queued_user_messages()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>());
        Watch(echo);
        echo.Tell(1, TestActor);
        echo.Tell(2, TestActor);
        Sys.Stop(echo);

        ExpectTerminated(echo);
        ExpectNoMsg();
    }
}
