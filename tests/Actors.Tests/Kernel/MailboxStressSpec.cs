using RSerPool.Actors.Kernel;
using RSerPool.Actors.Kernel.Dispatch;
using Xunit;

namespace RSerPool.Actors.Tests.Kernel;

/// <summary>The real thread-pool dispatcher under concurrent producers: nothing lost, nothing duplicated, per-sender order kept.</summary>
public sealed class MailboxStressSpec
{
    private const int Actors = 1_000;
    private const int Producers = 4;
    private const int MessagesPerProducerPerActor = 250; // 4 × 1,000 × 250 = 1,000,000 messages

    [Fact]
    public async Task One_million_messages_from_four_producers_across_1000_actors_arrive_exactly_once_in_order()
    {
        var system = ActorSystem.Create("stress", new ActorSystemSettings { Dispatcher = new ThreadPoolDispatcher(), Logger = Serilog.Core.Logger.None });
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var remaining = Actors;
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        Action complete = () =>
        {
            if (Interlocked.Decrement(ref remaining) == 0)
                done.TrySetResult();
        };
        var counters = Enumerable.Range(0, Actors)
            .Select(i => system.ActorOf(Props.Create(() => new SequenceChecker(Producers, MessagesPerProducerPerActor, failures, complete)), "c" + i))
            .ToArray();

        var producers = Enumerable.Range(0, Producers).Select(p => Task.Run(() =>
        {
            var messages = Enumerable.Range(0, MessagesPerProducerPerActor).Select(n => new Sequenced(p, n)).ToArray();
            for (var n = 0; n < MessagesPerProducerPerActor; n++)
            {
                foreach (var counter in counters)
                    counter.Tell(messages[n], ActorRefs.NoSender);
            }
        })).ToArray();
        await Task.WhenAll(producers).WaitAsync(TimeSpan.FromSeconds(30));

        await done.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Empty(failures);
        await system.Terminate().WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Four_producers_hammering_one_actor_lose_no_wake_up()
    {
        const int perProducer = 100_000;
        var system = ActorSystem.Create("hammer", new ActorSystemSettings { Dispatcher = new ThreadPoolDispatcher(), Throughput = 5, Logger = Serilog.Core.Logger.None });
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        Action complete = () => done.TrySetResult();
        var target = system.ActorOf(Props.Create(() => new SequenceChecker(Producers, perProducer, failures, complete)));

        var producers = Enumerable.Range(0, Producers).Select(p => Task.Run(() =>
        {
            for (var n = 0; n < perProducer; n++)
                target.Tell(new Sequenced(p, n), ActorRefs.NoSender);
        })).ToArray();
        await Task.WhenAll(producers).WaitAsync(TimeSpan.FromSeconds(30));

        await done.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Empty(failures);
        await system.Terminate().WaitAsync(TimeSpan.FromSeconds(10));
    }

    private sealed record Sequenced(int Producer, int Number);

    private sealed class SequenceChecker : UntypedActor
    {
        private readonly int[] _next;
        private readonly int _perProducer;
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _failures;
        private readonly Action _complete;
        private int _received;

        public SequenceChecker(int producers, int perProducer, System.Collections.Concurrent.ConcurrentQueue<string> failures, Action complete)
        {
            _next = new int[producers];
            _perProducer = perProducer;
            _failures = failures;
            _complete = complete;
        }

        protected override void OnReceive(object message)
        {
            var m = (Sequenced)message;
            if (_next[m.Producer] != m.Number)
                _failures.Enqueue($"{Self.Path}: producer {m.Producer} expected {_next[m.Producer]} got {m.Number}");
            _next[m.Producer] = m.Number + 1;
            if (++_received == _next.Length * _perProducer)
                _complete();
        }
    }
}
