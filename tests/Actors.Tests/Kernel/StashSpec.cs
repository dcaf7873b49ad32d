using RSerPool.Actors.Kernel;
using RSerPool.Actors.Kernel.Event;
using RSerPool.Actors.Kernel.TestKit;
using RSerPool.Actors.Tests.Kernel.Support;
using Xunit;

namespace RSerPool.Actors.Tests.Kernel;

public sealed class StashSpec : TestKit
{
    [Fact]
    public void UnstashAll_replays_stashed_messages_in_order_before_newer_mailbox_messages()
    {
        var actor = ActorOf(Props.Create(() => new GateActor(TestActor)));
        actor.Tell("a", TestActor);
        actor.Tell("b", TestActor);
        RunUntilIdle();
        ExpectNoMsg();

        actor.Tell("open", TestActor);
        actor.Tell("c", TestActor);

        Assert.Equal(["opened", "a", "b", "c"], ReceiveN(4));
    }

    [Fact]
    public void Unstash_replays_only_the_oldest_stashed_message()
    {
        var actor = ActorOf(Props.Create(() => new GateActor(TestActor)));
        actor.Tell("a", TestActor);
        actor.Tell("b", TestActor);
        actor.Tell("one", TestActor);

        ExpectMsg("a");
        ExpectNoMsg();
        actor.Tell("count", TestActor);
        ExpectMsg(1);
    }

    [Fact]
    public void Stashed_messages_are_unstashed_before_a_restart()
    {
        var supervisor = ActorOf(Props.Create(() => new Supervisor(new OneForOneStrategy(_ => Directive.Restart), TestActor)));
        supervisor.Tell(new CreateChild(Props.Create(() => new GateActor(TestActor))), TestActor);
        var actor = ExpectMsg<IActorRef>();
        actor.Tell("a", TestActor);
        actor.Tell("b", TestActor);
        RunUntilIdle();

        actor.Tell(new Fail(new InvalidOperationException("boom")), TestActor);
        RunUntilIdle();
        ExpectNoMsg(); // the fresh instance is closed again and stashes them anew
        actor.Tell("open", TestActor);

        Assert.Equal(["opened", "a", "b"], ReceiveN(3));
    }

    [Fact]
    public void Stashed_messages_become_dead_letters_when_the_actor_stops()
    {
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        var actor = ActorOf(Props.Create(() => new GateActor(TestActor)));
        actor.Tell("a", TestActor);
        RunUntilIdle();

        Sys.Stop(actor);

        Assert.Equal("a", deadLetters.ExpectMsg<DeadLetter>().Message);
    }

    /// <summary>Stashes strings while closed; "open" unstashes all, "one" unstashes one and lets only it through, "count" reports the stash size.</summary>
    private sealed class GateActor : ReceiveActor, IWithUnboundedStash
    {
        public GateActor(IActorRef probe)
        {
            Receive<Fail>(f => throw f.Cause);
            Receive<string>(s => s == "count", _ => probe.Tell(Stash.Count, Self));
            Receive<string>(s => s == "one", _ =>
            {
                BecomeStacked(() => ReceiveAny(m =>
                {
                    probe.Tell(m, Self);
                    UnbecomeStacked();
                }));
                Stash.Unstash();
            });
            Receive<string>(s => s == "open", _ =>
            {
                probe.Tell("opened", Self);
                Become(() => ReceiveAny(m => probe.Tell(m, Self)));
                Stash.UnstashAll();
            });
            Receive<string>(_ => Stash.Stash());
        }

        public IStash Stash { get; set; } = null!;
    }
}
