using RSerPool.Actors.Kernel;
using RSerPool.Actors.Kernel.TestKit;
using RSerPool.Actors.Tests.Kernel.Support;
using Xunit;
using Xunit.Sdk;

namespace RSerPool.Actors.Tests.Kernel;

public sealed class TestKitSpec : TestKit
{
    [Fact]
    public void ExpectMsg_fails_with_a_clear_message_when_nothing_arrived()
    {
        var error = Assert.Throws<XunitException>(() => ExpectMsg<string>());

        Assert.Contains("String", error.Message);
        Assert.Contains("no message arrived", error.Message);
    }

    [Fact]
    public void ExpectMsg_fails_when_the_message_has_another_type_or_fails_the_predicate()
    {
        TestActor.Tell(42, ActorRefs.NoSender);
        TestActor.Tell("text", ActorRefs.NoSender);

        Assert.Contains("42", Assert.Throws<XunitException>(() => ExpectMsg<string>()).Message);
        Assert.Contains("predicate", Assert.Throws<XunitException>(() => ExpectMsg<string>(s => s == "other")).Message);
    }

    [Fact]
    public void ExpectNoMsg_fails_when_a_message_is_queued()
    {
        TestActor.Tell("unexpected", ActorRefs.NoSender);

        Assert.Contains("unexpected", Assert.Throws<XunitException>(() => ExpectNoMsg()).Message);
    }

    [Fact]
    public void ExpectNoMsg_with_a_duration_advances_virtual_time_and_sees_scheduled_messages()
    {
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(2), TestActor, "later", ActorRefs.NoSender);

        ExpectNoMsg(TimeSpan.FromSeconds(1));
        Assert.Throws<XunitException>(() => ExpectNoMsg(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void Within_checks_the_virtual_duration_of_the_block()
    {
        Within(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), () => Scheduler.Advance(TimeSpan.FromSeconds(1.5)));

        Assert.Throws<XunitException>(() => Within(TimeSpan.FromSeconds(1), () => Scheduler.Advance(TimeSpan.FromSeconds(3))));
        Assert.Throws<XunitException>(() => Within(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), () => { }));
    }

    [Fact]
    public void ExpectMsgFrom_checks_the_sender()
    {
        var other = CreateTestProbe();
        other.Send(TestActor, "hi");

        ExpectMsgFrom<string>(other.Ref);
        other.Send(TestActor, "again");
        Assert.Throws<XunitException>(() => ExpectMsgFrom<string>(TestActor));
    }

    [Fact]
    public void Reply_and_Forward_use_the_last_sender()
    {
        var echo = ActorOf<EchoActor>();
        var other = CreateTestProbe();
        other.Send(TestActor, "question");
        ExpectMsg("question");

        Reply("answer");
        other.ExpectMsg("answer");
        TestProbe.Forward(echo);

        other.ExpectMsg("question"); // the echo answered the original sender
    }

    [Fact]
    public void FishForMessage_skips_non_matching_messages()
    {
        for (var i = 0; i < 5; i++)
            TestActor.Tell(i, ActorRefs.NoSender);

        Assert.Equal(3, FishForMessage<int>(i => i == 3));
        ExpectMsg(4);
    }

    [Fact]
    public void ReceiveWhile_stops_at_the_first_message_that_does_not_match_and_leaves_it_queued()
    {
        foreach (var m in new object[] { 1, 2, "stop", 3 })
            TestActor.Tell(m, ActorRefs.NoSender);

        Assert.Equal([1, 2], ReceiveWhile<int>(_ => true));
        ExpectMsg("stop");
    }

    [Fact]
    public void ExpectMsgAllOf_accepts_any_order_and_ExpectMsgAnyOf_one_of_several()
    {
        foreach (var m in new object[] { "b", "a", "c" })
            TestActor.Tell(m, ActorRefs.NoSender);

        TestProbe.ExpectMsgAllOf("a", "b");
        Assert.Equal("c", TestProbe.ExpectMsgAnyOf("x", "c"));
    }

    [Fact]
    public void An_autopilot_answers_on_behalf_of_the_probe()
    {
        var pilot = CreateTestProbe();
        pilot.SetAutoPilot(new DelegateAutoPilot((sender, message) =>
        {
            sender.Tell($"re: {message}", ActorRefs.NoSender);
            return AutoPilot.KeepRunning;
        }));

        pilot.Ref.Tell("one", TestActor);
        pilot.Ref.Tell("two", TestActor);

        Assert.Equal(["re: one", "re: two"], ReceiveN(2));
        Assert.Equal(2, pilot.ReceiveN(2).Count); // the pilot does not hide the messages from the probe
    }

    [Fact]
    public void AdvanceTo_moves_to_an_absolute_virtual_time()
    {
        var target = Scheduler.Now + TimeSpan.FromMinutes(3);
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromMinutes(2), TestActor, "two-minutes", ActorRefs.NoSender);

        Scheduler.AdvanceTo(target);

        Assert.Equal(target, Now);
        ExpectMsg("two-minutes");
    }
}
