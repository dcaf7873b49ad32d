using RSerPool.Actors.Kernel;
using RSerPool.Actors.Kernel.TestKit;
using RSerPool.Actors.Tests.Kernel.Support;
using Xunit;

namespace RSerPool.Actors.Tests.Kernel;

public sealed class BehaviorSpec : TestKit
{
    [Fact]
    public void Receive_handlers_are_tried_in_order_with_their_predicates()
    {
        var actor = ActorOf(Props.Create(() => new Classifier(TestActor)));

        actor.Tell(5, TestActor);
        actor.Tell(-5, TestActor);
        actor.Tell("text", TestActor);
        actor.Tell(2.5, TestActor);

        Assert.Equal(["positive 5", "int -5", "string text", "any 2.5"], ReceiveN(4));
    }

    [Fact]
    public void A_Func_handler_returning_false_passes_the_message_on()
    {
        var actor = ActorOf(Props.Create(() => new Classifier(TestActor)));

        actor.Tell("skip", TestActor);

        ExpectMsg("any skip");
    }

    [Fact]
    public void Become_replaces_and_BecomeStacked_pushes_behaviors()
    {
        var actor = ActorOf(Props.Create(() => new Switcher(TestActor)));

        actor.Tell("state", TestActor);
        actor.Tell("push", TestActor);
        actor.Tell("state", TestActor);
        actor.Tell("pop", TestActor);
        actor.Tell("state", TestActor);
        actor.Tell("become", TestActor);
        actor.Tell("state", TestActor);

        Assert.Equal(["initial", "pushed", "initial", "replaced"], ReceiveN(4));
    }

    [Fact]
    public void Registering_handlers_after_construction_outside_Become_throws()
    {
        var actor = ActorOf(Props.Create(() => new LateRegistrar(TestActor)));

        actor.Tell("register", TestActor);

        Assert.IsType<InvalidOperationException>(ExpectMsg<Exception>());
    }

    [Fact]
    public void Refs_are_equal_by_path_and_incarnation()
    {
        var a = ActorOf<EchoActor>("a");
        var sameA = Sys.ActorOf(Props.Create<EchoActor>(), "b");

        Assert.NotEqual(a, sameA);
        Assert.Equal(a, a);
        Assert.Equal(a.GetHashCode(), a.GetHashCode());
        Assert.Equal(a.Path, Sys.ActorOf(Props.Create<BlackHoleActor>(), "c").Path.Parent!.Child("a"));
    }

    [Fact]
    public void Tell_without_sender_inside_an_actor_uses_Self_and_outside_uses_dead_letters()
    {
        var echo = ActorOf<EchoActor>();
        var relay = ActorOf(Props.Create(() => new ImplicitSenderRelay(echo, TestActor)));

        relay.Tell("go", TestActor);

        ExpectMsg("pong"); // the echo replied to the relay (implicit sender), which forwarded it here
        Assert.Equal(relay, LastSender);
    }

    [Fact]
    public void Actors_cannot_be_constructed_with_new()
    {
        Assert.Throws<ActorInitializationException>(() => new EchoActor());
    }

    [Fact]
    public void An_UntypedActor_switches_behavior_with_Become()
    {
        var toggle = ActorOf(Props.Create(() => new Toggle(TestActor)));

        toggle.Tell("x", TestActor);
        toggle.Tell("x", TestActor);
        toggle.Tell("x", TestActor);

        Assert.Equal(["off", "on", "off"], ReceiveN(3));
    }

    private sealed class Toggle : UntypedActor
    {
        private readonly IActorRef _probe;

        public Toggle(IActorRef probe) => _probe = probe;

        protected override void OnReceive(object message)
        {
            _probe.Tell("off", Self);
            Become(On);
        }

        private void On(object message)
        {
            _probe.Tell("on", Self);
            Become(OnReceive);
        }
    }

    private sealed class Classifier : ReceiveActor
    {
        public Classifier(IActorRef probe)
        {
            Receive<int>(n => n > 0, n => probe.Tell($"positive {n}", Self));
            Receive<int>(n => probe.Tell($"int {n}", Self));
            Receive<string>(s =>
            {
                if (s == "skip")
                    return false;
                probe.Tell($"string {s}", Self);
                return true;
            });
            ReceiveAny(m => probe.Tell($"any {m}", Self));
        }
    }

    private sealed class Switcher : ReceiveActor
    {
        public Switcher(IActorRef probe)
        {
            Receive<string>(s => s == "state", _ => probe.Tell("initial", Self));
            Receive<string>(s => s == "push", _ => BecomeStacked(() =>
            {
                Receive<string>(s => s == "state", _ => probe.Tell("pushed", Self));
                Receive<string>(s => s == "pop", _ => UnbecomeStacked());
            }));
            Receive<string>(s => s == "become", _ => Become(() => Receive<string>(s => s == "state", _ => probe.Tell("replaced", Self))));
        }
    }

    private sealed class LateRegistrar : ReceiveActor
    {
        public LateRegistrar(IActorRef probe)
        {
            Receive<string>(_ =>
            {
                try
                {
                    Receive<int>(_ => { });
                    probe.Tell("registered", Self);
                }
                catch (InvalidOperationException ex)
                {
                    probe.Tell(ex, Self);
                }
            });
        }
    }

    private sealed class ImplicitSenderRelay : ReceiveActor
    {
        public ImplicitSenderRelay(IActorRef echo, IActorRef probe)
        {
            Receive<string>(s => s == "go", _ => echo.Tell("pong"));
            Receive<string>(s => s == "pong", s => probe.Tell(s, Self));
        }
    }
}
