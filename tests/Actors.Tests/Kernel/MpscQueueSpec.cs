using RSerPool.Actors.Kernel.Dispatch;
using Xunit;

namespace RSerPool.Actors.Tests.Kernel;

public sealed class MpscQueueSpec
{
    [Fact]
    public void Items_come_out_in_order_across_segment_growth()
    {
        var queue = new MpscQueue<int>();
        Assert.Equal(2, queue.TailCapacity);

        for (var i = 0; i < 5000; i++)
            queue.Enqueue(i);

        Assert.Equal(1024, queue.TailCapacity);
        for (var i = 0; i < 5000; i++)
        {
            Assert.True(queue.TryDequeue(out var item));
            Assert.Equal(i, item);
        }

        Assert.False(queue.TryDequeue(out _));
        Assert.True(queue.IsEmpty);
    }

    [Fact]
    public void A_queue_that_keeps_up_reuses_its_first_segment()
    {
        var queue = new MpscQueue<int>();

        for (var i = 0; i < 10_000; i++)
        {
            queue.Enqueue(i);
            queue.Enqueue(-i);
            Assert.True(queue.TryDequeue(out var a));
            Assert.True(queue.TryDequeue(out var b));
            Assert.Equal((i, -i), (a, b));
        }

        Assert.Equal(2, queue.TailCapacity);
        Assert.True(queue.IsEmpty);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_interleavings_of_enqueue_and_dequeue_stay_first_in_first_out(int seed)
    {
        var random = new Random(seed);
        var queue = new MpscQueue<int>();
        var model = new Queue<int>();
        var next = 0;

        for (var step = 0; step < 20_000; step++)
        {
            if (random.Next(3) != 0)
            {
                var burst = random.Next(1, 40);
                for (var i = 0; i < burst; i++)
                {
                    queue.Enqueue(next);
                    model.Enqueue(next++);
                }
            }
            else
            {
                var take = random.Next(1, 60);
                for (var i = 0; i < take; i++)
                {
                    var expected = model.TryDequeue(out var item);
                    Assert.Equal(expected, queue.TryDequeue(out var actual));
                    if (expected)
                        Assert.Equal(item, actual);
                }
            }

            Assert.Equal(model.Count == 0, queue.IsEmpty);
        }
    }

    [Fact]
    public async Task Concurrent_producers_with_one_consumer_lose_and_duplicate_nothing_and_keep_per_producer_order()
    {
        const int producers = 4;
        const int perProducer = 200_000;
        var queue = new MpscQueue<(int Producer, int Number)>();
        var next = new int[producers];
        var received = 0;

        var tasks = Enumerable.Range(0, producers).Select(p => Task.Run(() =>
        {
            for (var n = 0; n < perProducer; n++)
                queue.Enqueue((p, n));
        })).ToArray();
        var consumer = Task.Run(() =>
        {
            while (received < producers * perProducer)
            {
                if (!queue.TryDequeue(out var item))
                    continue;
                Assert.Equal(next[item.Producer], item.Number);
                next[item.Producer]++;
                received++;
            }
        });

        await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(30));
        await consumer.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.All(next, n => Assert.Equal(perProducer, n));
        Assert.True(queue.IsEmpty);
    }
}
