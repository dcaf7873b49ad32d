namespace RSerPool.Actors.Kernel.TestKit;

/// <summary>The actor behind a <see cref="TestProbe"/>: queues every message (Terminated included) for the test.</summary>
internal sealed class ProbeActor(TestProbe probe) : ActorBase
{
    protected override bool Receive(object message)
    {
        switch (message)
        {
            case ProbeWatch watch:
                if (watch.Watch)
                    Context.Watch(watch.Target);
                else
                    Context.Unwatch(watch.Target);
                watch.Done.TrySetResult();
                return true;
            default:
                probe.Deliver(message, Sender);
                return true;
        }
    }
}
