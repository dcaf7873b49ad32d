using RSerPool.Actors.Kernel;
using RSerPool.Actors.Kernel.TestKit;
using RSerPool.Actors.Tests.Kernel.Support;
using Xunit;

namespace RSerPool.Actors.Tests.Kernel;

public sealed class PropsSpec : TestKit
{
    [Fact]
    public void Props_from_an_expression_captures_the_argument_values_and_creates_a_new_instance_per_actor()
    {
        var id = "first";
        var props = Props.Create(() => new LifecycleActor(TestActor, id));
        id = "changed";

        Sys.ActorOf(props);
        Sys.ActorOf(props);
        var starts = ReceiveN(2).Cast<Lifecycle>().ToList();

        Assert.All(starts, l => Assert.Equal("first", l.Id));
        Assert.NotEqual(starts[0].Instance, starts[1].Instance);
        Assert.Equal("changed", id);
    }

    [Fact]
    public void Props_from_a_non_constructor_expression_still_works()
    {
        var props = Props.Create(() => Make(TestActor));

        Sys.ActorOf(props);

        Assert.Equal("made", ExpectMsg<Lifecycle>().Id);
    }

    [Fact]
    public void With_methods_return_copies_and_leave_the_original_unchanged()
    {
        var props = Props.Create<EchoActor>();

        var supervised = props.WithSupervisorStrategy(SupervisorStrategy.StoppingStrategy);
        var dispatched = props.WithDispatcher("other");

        Assert.Null(props.SupervisorStrategy);
        Assert.Null(props.Dispatcher);
        Assert.Same(SupervisorStrategy.StoppingStrategy, supervised.SupervisorStrategy);
        Assert.Equal("other", dispatched.Dispatcher);
        Assert.Equal(typeof(EchoActor), dispatched.Type);
    }

    [Fact]
    public void Props_WithSupervisorStrategy_overrides_the_actor_strategy()
    {
        var supervisor = ActorOf(Props.Create(() => new Supervisor(SupervisorStrategy.DefaultStrategy, TestActor)).WithSupervisorStrategy(SupervisorStrategy.StoppingStrategy));
        supervisor.Tell(new CreateChild(Props.Create(() => new LifecycleActor(TestActor, "c"))), TestActor);
        var child = ReceiveN(2).OfType<IActorRef>().Single();
        Watch(child);

        child.Tell(new Fail(new InvalidOperationException("x")), TestActor); // default would restart

        ExpectMsg<Lifecycle>(l => l.Hook == "PostStop");
        ExpectTerminated(child);
    }

    [Fact]
    public void An_unknown_dispatcher_id_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => Sys.ActorOf(Props.Create<EchoActor>().WithDispatcher("missing")));
    }

    [Fact]
    public void Props_Create_with_a_type_and_arguments()
    {
        Sys.ActorOf(Props.Create(typeof(LifecycleActor), TestActor, "typed"));

        Assert.Equal("typed", ExpectMsg<Lifecycle>().Id);
    }

    private static LifecycleActor Make(IActorRef probe) => new(probe, "made");
}
