using Akka.Actor;
using Akka.Dispatch;
using Akka.Dispatch.MessageQueues;

namespace RSerPool.Actors.Registrar;

/// <summary>
/// The message queue of one <see cref="PeRegistrationActor"/> (<see cref="PeMailbox"/>): unbounded, first in first out,
/// any number of senders, one consumer (the mailbox). Made for an actor that is idle almost always and then gets one
/// message at a time (a timer, an Ack, a renewal): one message waits in a field, an array exists only while two or
/// more wait and is dropped when the queue empties. Akka's default queue (a <c>ConcurrentQueue</c>) keeps a 32-slot
/// segment, about 1 KB, for the actor's whole life: at 100,000 PEs that was a fifth of the registrar's memory
/// (docs/bench-akka.md). A lock (on this object, which no one else sees) is enough for so little traffic.
/// </summary>
internal sealed class PeMessageQueue : IMessageQueue, IUnboundedMessageQueueSemantics
{
    private const int FirstArrayLength = 4;

    private Envelope _single;
    private Envelope[]? _items;
    private int _head;
    private int _count;

    public bool HasMessages => Volatile.Read(ref _count) != 0;

    public int Count => Volatile.Read(ref _count);

    public void Enqueue(IActorRef receiver, Envelope envelope)
    {
        lock (this)
        {
            if (_items is null)
            {
                if (_count == 0)
                {
                    _single = envelope;
                    Volatile.Write(ref _count, 1);
                    return;
                }

                // A second message: both move to an array.
                _items = new Envelope[FirstArrayLength];
                _items[0] = _single;
                _single = default;
                _head = 0;
            }
            else if (_count == _items.Length)
            {
                var larger = new Envelope[_items.Length * 2];
                for (int i = 0; i < _count; i++)
                {
                    larger[i] = _items[(_head + i) % _items.Length];
                }

                _items = larger;
                _head = 0;
            }

            _items[(_head + _count) % _items.Length] = envelope;
            Volatile.Write(ref _count, _count + 1);
        }
    }

    public bool TryDequeue(out Envelope envelope)
    {
        lock (this)
        {
            if (_count == 0)
            {
                envelope = default;
                return false;
            }

            if (_items is null)
            {
                envelope = _single;
                _single = default;
                Volatile.Write(ref _count, 0);
                return true;
            }

            envelope = _items[_head];
            _items[_head] = default;
            _head = (_head + 1) % _items.Length;
            Volatile.Write(ref _count, _count - 1);
            if (_count == 0)
            {
                _items = null;   // idle again: back to the single field
                _head = 0;
            }

            return true;
        }
    }

    public void CleanUp(IActorRef owner, IMessageQueue deadletters)
    {
        while (TryDequeue(out Envelope envelope))
        {
            deadletters.Enqueue(owner, envelope);
        }
    }
}
