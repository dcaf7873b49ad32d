using RSerPool.Actors.Kernel.Dispatch;

namespace RSerPool.Actors.Kernel;

/// <summary>
/// Stash support (actor-kernel.md §8): stashed envelopes move to a replay queue that the mailbox drains before its user
/// queue, which gives "unstash to the front of the mailbox" without a deque mailbox.
/// </summary>
internal sealed partial class ActorCell
{
    public bool HasReplay => _extras?.Replay is { Count: > 0 };

    public bool TryDequeueReplay(out Envelope envelope)
    {
        var replay = _extras?.Replay;
        if (replay is not { Count: > 0 })
        {
            envelope = default;
            return false;
        }

        envelope = replay.First!.Value;
        replay.RemoveFirst();
        return true;
    }

    internal void StashCurrent()
    {
        if (_current.Message is null)
            throw new IllegalActorStateException("Stash() can only be called while processing a message.");
        var stash = Extras.Stash ??= [];
        if (stash.Count > 0 && ReferenceEquals(stash[^1].Message, _current.Message) && ReferenceEquals(stash[^1].Sender, _current.Sender))
            throw new IllegalActorStateException($"The message {_current.Message} is already stashed.");
        stash.Add(_current);
    }

    internal void Unstash()
    {
        var stash = _extras?.Stash;
        if (stash is not { Count: > 0 })
            return;
        var first = stash[0];
        stash.RemoveAt(0);
        (Extras.Replay ??= new LinkedList<Envelope>()).AddFirst(first);
    }

    internal void UnstashAll()
    {
        var stash = _extras?.Stash;
        if (stash is not { Count: > 0 })
            return;
        var replay = Extras.Replay ??= new LinkedList<Envelope>();
        for (var i = stash.Count - 1; i >= 0; i--)
            replay.AddFirst(stash[i]);
        stash.Clear();
    }

    internal int StashCount => _extras?.Stash?.Count ?? 0;

    private void UnstashAllForRestart() => UnstashAll();

    private void DeadLetterStash()
    {
        var extras = _extras;
        if (extras is null)
            return;
        if (extras.Stash is { } stash)
        {
            foreach (var envelope in stash)
                DeadLetter(envelope);
            stash.Clear();
        }

        if (extras.Replay is { } replay)
        {
            foreach (var envelope in replay)
                DeadLetter(envelope);
            replay.Clear();
        }
    }
}
