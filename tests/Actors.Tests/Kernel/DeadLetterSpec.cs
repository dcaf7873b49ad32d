using RSerPool.Actors.Kernel;
using RSerPool.Actors.Kernel.Event;
using RSerPool.Actors.Kernel.TestKit;
using RSerPool.Actors.Tests.Kernel.Support;
using Xunit;

namespace RSerPool.Actors.Tests.Kernel;

public sealed class DeadLetterSpec : TestKit
{
    private readonly TestProbe _deadLetters;

    public DeadLetterSpec()
    {
        _deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(_deadLetters.Ref, typeof(DeadLetter));
    }

    [Fact]
    public void A_message_to_a_stopped_actor_is_published_as_a_dead_letter()
    {
        var echo = ActorOf<EchoActor>();
        Sys.Stop(echo);
        RunUntilIdle();

        echo.Tell("late", TestActor);

        var letter = _deadLetters.ExpectMsg<DeadLetter>();
        Assert.Equal("late", letter.Message);
        Assert.Equal(TestActor, letter.Sender);
        Assert.Equal(echo, letter.Recipient);
    }

    [Fact]
    public void Messages_still_queued_when_an_actor_stops_become_dead_letters()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>());
        echo.Tell(1, TestActor);
        echo.Tell(2, TestActor);
        Sys.Stop(echo);

        Assert.Equal([1, 2], _deadLetters.ReceiveN(2).Cast<DeadLetter>().Select(d => d.Message));
        ExpectNoMsg();
    }

    [Fact]
    public void Messages_marked_IDeadLetterSuppression_are_not_published()
    {
        var echo = ActorOf<EchoActor>();
        Sys.Stop(echo);
        RunUntilIdle();

        echo.Tell(new Quiet(), TestActor);

        _deadLetters.ExpectNoMsg();
    }

    [Fact]
    public void Telling_the_dead_letter_ref_publishes_a_dead_letter()
    {
        Sys.DeadLetters.Tell("direct", TestActor);

        Assert.Equal("direct", _deadLetters.ExpectMsg<DeadLetter>().Message);
    }

    [Fact]
    public void An_unhandled_message_is_published_as_UnhandledMessage()
    {
        var unhandled = CreateTestProbe();
        Sys.EventStream.Subscribe(unhandled.Ref, typeof(UnhandledMessage));
        var actor = ActorOf(Props.Create(() => new Watcher(TestActor, true)));

        actor.Tell(42, TestActor);

        var message = unhandled.ExpectMsg<UnhandledMessage>();
        Assert.Equal(42, message.Message);
        Assert.Equal(actor, message.Recipient);
        _deadLetters.ExpectNoMsg();
    }

    [Fact]
    public void Unsubscribed_actors_no_longer_receive_events()
    {
        Sys.EventStream.Unsubscribe(_deadLetters.Ref, typeof(DeadLetter));

        Sys.DeadLetters.Tell("direct", TestActor);

        _deadLetters.ExpectNoMsg();
    }

    private sealed record Quiet : IDeadLetterSuppression;
}
