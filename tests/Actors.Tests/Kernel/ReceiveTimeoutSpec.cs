using RSerPool.Actors.Kernel;
using RSerPool.Actors.Kernel.TestKit;
using Xunit;

namespace RSerPool.Actors.Tests.Kernel;

public sealed class ReceiveTimeoutSpec : TestKit
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    [Fact]
    public void ReceiveTimeout_arrives_after_the_idle_period_and_not_before()
    {
        ActorOf(Props.Create(() => new IdleActor(TestActor, Timeout)));

        Scheduler.Advance(Timeout - TimeSpan.FromMilliseconds(1));
        ExpectNoMsg();
        Scheduler.Advance(TimeSpan.FromMilliseconds(1));

        ExpectMsg<ReceiveTimeout>();
    }

    [Fact]
    public void Each_message_restarts_the_idle_period()
    {
        var actor = ActorOf(Props.Create(() => new IdleActor(TestActor, Timeout)));

        Scheduler.Advance(TimeSpan.FromMilliseconds(600));
        actor.Tell("work", TestActor);
        Scheduler.Advance(TimeSpan.FromMilliseconds(600));
        ExpectMsg("work");
        ExpectNoMsg();
        Scheduler.Advance(TimeSpan.FromMilliseconds(400));

        ExpectMsg<ReceiveTimeout>();
    }

    [Fact]
    public void Messages_marked_NotInfluenceReceiveTimeout_do_not_reset_it()
    {
        var actor = ActorOf(Props.Create(() => new IdleActor(TestActor, Timeout)));

        Scheduler.Advance(TimeSpan.FromMilliseconds(600));
        actor.Tell(new Housekeeping(), TestActor);
        Scheduler.Advance(TimeSpan.FromMilliseconds(400));

        ExpectMsg<Housekeeping>();
        ExpectMsg<ReceiveTimeout>();
    }

    [Fact]
    public void The_timeout_fires_again_after_every_idle_period()
    {
        ActorOf(Props.Create(() => new IdleActor(TestActor, Timeout)));

        Scheduler.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(3, ReceiveWhile<ReceiveTimeout>(_ => true).Count);
    }

    [Fact]
    public void Setting_null_turns_the_timeout_off()
    {
        var actor = ActorOf(Props.Create(() => new IdleActor(TestActor, Timeout)));

        actor.Tell("off", TestActor);
        ExpectMsg("off");
        Scheduler.Advance(TimeSpan.FromSeconds(10));

        ExpectNoMsg();
    }

    private sealed record Housekeeping : INotInfluenceReceiveTimeout;

    private sealed class IdleActor : ReceiveActor
    {
        public IdleActor(IActorRef probe, TimeSpan timeout)
        {
            Context.SetReceiveTimeout(timeout);
            Receive<string>(s => s == "off", s =>
            {
                Context.SetReceiveTimeout(null);
                probe.Tell(s, Self);
            });
            ReceiveAny(m => probe.Tell(m, Self));
        }
    }
}
