using RSerPool.Actors.Kernel;
using RSerPool.Actors.Kernel.Dispatch;
using RSerPool.Actors.Kernel.TestKit;
using Xunit;

namespace RSerPool.Actors.Tests.Kernel;

public sealed class MailboxSpec : TestKit
{
    public MailboxSpec()
        : base(new ActorSystemSettings { Dispatcher = new ManualDispatcher(), TimeProvider = new ManualTimeProvider(), Throughput = 2 })
    {
    }

    [Fact]
    public void Messages_from_one_sender_arrive_in_send_order()
    {
        var recorder = ActorOf(Props.Create(() => new Recorder(TestActor)));

        for (var i = 0; i < 1000; i++)
            recorder.Tell(i, TestActor);

        Assert.Equal(Enumerable.Range(0, 1000).Cast<object>(), ReceiveN(1000));
    }

    [Fact]
    public void A_run_processes_at_most_throughput_messages_then_yields_to_other_actors()
    {
        var log = new List<string>();
        var a = ActorOf(Props.Create(() => new Logger(log, "a")));
        var b = ActorOf(Props.Create(() => new Logger(log, "b")));
        for (var i = 0; i < 4; i++)
        {
            a.Tell(i, TestActor);
            b.Tell(i, TestActor);
        }

        RunUntilIdle();

        Assert.Equal(["a0", "a1", "b0", "b1", "a2", "a3", "b2", "b3"], log);
    }

    [Fact]
    public void A_message_posted_while_the_mailbox_is_running_is_not_lost()
    {
        var selfSender = ActorOf(Props.Create(() => new SelfSender(TestActor)));

        selfSender.Tell(10, TestActor);

        ExpectMsg("done");
        Assert.Equal(0, Dispatcher!.PendingCount);
    }

    [Fact]
    public void System_messages_are_processed_before_queued_user_messages()
    {
        var log = new List<string>();
        var a = Sys.ActorOf(Props.Create(() => new Logger(log, "a")));
        a.Tell(1, TestActor);
        Sys.Stop(a); // the stop (system) is queued after the user message but overtakes it

        RunUntilIdle();
        Watch(a);

        Assert.False(ExpectTerminated(a).ExistenceConfirmed); // it was already gone when the watch arrived
        Assert.Empty(log);
    }

    [Fact]
    public void The_shuffling_manual_dispatcher_still_keeps_per_sender_order()
    {
        var dispatcher = new ManualDispatcher(seed: 42);
        var system = ActorSystem.Create("shuffled", new ActorSystemSettings { Dispatcher = dispatcher, TimeProvider = new ManualTimeProvider(), Throughput = 1 });
        var logs = Enumerable.Range(0, 5).Select(_ => new List<string>()).ToArray();
        var actors = logs.Select((l, i) => system.ActorOf(Props.Create(() => new Logger(l, "x")))).ToArray();
        for (var n = 0; n < 50; n++)
        {
            foreach (var actor in actors)
                actor.Tell(n, ActorRefs.NoSender);
        }

        dispatcher.RunUntilIdle();

        foreach (var log in logs)
            Assert.Equal(Enumerable.Range(0, 50).Select(n => $"x{n}"), log);
        system.Terminate();
        dispatcher.RunUntilIdle();
        Assert.True(system.WhenTerminated.IsCompleted);
    }

    private sealed class Recorder : UntypedActor
    {
        private readonly IActorRef _probe;

        public Recorder(IActorRef probe) => _probe = probe;

        protected override void OnReceive(object message) => _probe.Tell(message, Self);
    }

    private sealed class Logger : UntypedActor
    {
        private readonly List<string> _log;
        private readonly string _id;

        public Logger(List<string> log, string id)
        {
            _log = log;
            _id = id;
        }

        protected override void OnReceive(object message) => _log.Add(_id + message);
    }

    private sealed class SelfSender : UntypedActor
    {
        private readonly IActorRef _probe;

        public SelfSender(IActorRef probe) => _probe = probe;

        protected override void OnReceive(object message)
        {
            if (message is int n and > 0)
                Self.Tell(n - 1, Self);
            else
                _probe.Tell("done", Self);
        }
    }
}
