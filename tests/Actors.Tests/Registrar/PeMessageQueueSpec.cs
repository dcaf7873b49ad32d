using Akka.Actor;
using Akka.Dispatch.MessageQueues;
using RSerPool.Actors.Registrar;
using Xunit;

namespace RSerPool.Actors.Tests.Registrar;

/// <summary>The per-PE actors' message queue: first in first out, one message in a field, an array only while more wait.</summary>
public sealed class PeMessageQueueSpec
{
    [Fact]
    public void An_empty_queue_has_nothing_to_give()
    {
        var queue = new PeMessageQueue();

        Assert.False(queue.HasMessages);
        Assert.Equal(0, queue.Count);
        Assert.False(queue.TryDequeue(out _));
    }

    [Fact]
    public void One_message_comes_out_as_it_went_in_and_leaves_the_queue_empty()
    {
        var queue = new PeMessageQueue();
        queue.Enqueue(ActorRefs.Nobody, new Envelope("keep-alive due", ActorRefs.NoSender));

        Assert.True(queue.HasMessages);
        Assert.Equal(1, queue.Count);
        Assert.True(queue.TryDequeue(out Envelope envelope));
        Assert.Equal("keep-alive due", envelope.Message);
        Assert.False(queue.HasMessages);
        Assert.False(queue.TryDequeue(out _));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(37)]
    public void Many_messages_keep_their_order_while_the_queue_grows(int count)
    {
        var queue = new PeMessageQueue();
        for (int i = 0; i < count; i++)
        {
            queue.Enqueue(ActorRefs.Nobody, new Envelope(i, ActorRefs.NoSender));
        }

        Assert.Equal(count, queue.Count);
        Assert.Equal(Enumerable.Range(0, count), Drain(queue));
        Assert.False(queue.HasMessages);
    }

    [Fact]
    public void Order_holds_when_taking_and_adding_interleave_around_the_array_end()
    {
        var queue = new PeMessageQueue();
        var taken = new List<int>();
        int next = 0;
        for (int round = 0; round < 50; round++)
        {
            // Add 3, take 2: the ring's head walks round the array and it grows now and then.
            for (int i = 0; i < 3; i++)
            {
                queue.Enqueue(ActorRefs.Nobody, new Envelope(next++, ActorRefs.NoSender));
            }

            for (int i = 0; i < 2; i++)
            {
                Assert.True(queue.TryDequeue(out Envelope envelope));
                taken.Add((int)envelope.Message);
            }
        }

        taken.AddRange(Drain(queue));
        Assert.Equal(Enumerable.Range(0, next), taken);
    }

    [Fact]
    public void A_queue_emptied_after_a_burst_takes_single_messages_again()
    {
        var queue = new PeMessageQueue();
        for (int i = 0; i < 6; i++)
        {
            queue.Enqueue(ActorRefs.Nobody, new Envelope(i, ActorRefs.NoSender));
        }

        Drain(queue);
        queue.Enqueue(ActorRefs.Nobody, new Envelope("after", ActorRefs.NoSender));
        queue.Enqueue(ActorRefs.Nobody, new Envelope("and after", ActorRefs.NoSender));

        Assert.Equal(["after", "and after"], DrainObjects(queue));
    }

    [Fact]
    public void Clean_up_hands_what_is_left_to_dead_letters_in_order()
    {
        var queue = new PeMessageQueue();
        var deadLetters = new UnboundedMessageQueue();
        queue.Enqueue(ActorRefs.Nobody, new Envelope("first", ActorRefs.NoSender));
        queue.Enqueue(ActorRefs.Nobody, new Envelope("second", ActorRefs.NoSender));

        queue.CleanUp(ActorRefs.Nobody, deadLetters);

        Assert.False(queue.HasMessages);
        Assert.True(deadLetters.TryDequeue(out Envelope first));
        Assert.True(deadLetters.TryDequeue(out Envelope second));
        Assert.Equal(["first", "second"], new[] { first.Message, second.Message });
    }

    [Fact]
    public async Task Messages_from_several_senders_at_once_all_arrive_each_sender_in_order()
    {
        const int senders = 4;
        const int perSender = 20_000;
        var queue = new PeMessageQueue();
        using var start = new Barrier(senders + 1);
        var producers = Enumerable.Range(0, senders).Select(sender => Task.Run(() =>
        {
            start.SignalAndWait();
            for (int i = 0; i < perSender; i++)
            {
                queue.Enqueue(ActorRefs.Nobody, new Envelope((sender, i), ActorRefs.NoSender));
            }
        })).ToArray();

        var lastSeen = Enumerable.Repeat(-1, senders).ToArray();
        int received = 0;
        start.SignalAndWait();
        while (received < senders * perSender)
        {
            if (queue.TryDequeue(out Envelope envelope))
            {
                var (sender, i) = ((int, int))envelope.Message;
                Assert.Equal(lastSeen[sender] + 1, i);
                lastSeen[sender] = i;
                received++;
            }
            else
            {
                Assert.False(producers.All(p => p.IsCompleted) && !queue.HasMessages, "messages lost");
            }
        }

        await Task.WhenAll(producers);
        Assert.False(queue.HasMessages);
    }

    private static List<int> Drain(PeMessageQueue queue) => DrainObjects(queue).Cast<int>().ToList();

    private static List<object> DrainObjects(PeMessageQueue queue)
    {
        var messages = new List<object>();
        while (queue.TryDequeue(out Envelope envelope))
        {
            messages.Add(envelope.Message);
        }

        return messages;
    }
}
