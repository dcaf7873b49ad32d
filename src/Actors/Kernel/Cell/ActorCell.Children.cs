using RSerPool.Actors.Kernel.Dispatch;

namespace RSerPool.Actors.Kernel;

/// <summary>Children: creation, lookup, stopping, and the waits of terminate and restart (actor-kernel.md §4.3, §4.5).</summary>
internal sealed partial class ActorCell
{
    private const string NameAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+~";

    public IActorRef ActorOf(Props props, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(props);
        var dispatcher = _system.ResolveDispatcher(props);
        var extras = Extras;
        LocalActorRef childRef;
        lock (extras.ChildrenGate)
        {
            if ((Volatile.Read(ref _flags) & (TerminatingFlag | TerminatedFlag)) != 0)
                throw new InvalidOperationException($"Cannot create a child of {_self.Path}: it is terminating.");
            name = name is null ? RandomName(extras) : ValidateName(name);
            var children = extras.Children ??= new Dictionary<string, ChildRestartStats>(StringComparer.Ordinal);
            if (children.ContainsKey(name))
                throw new InvalidActorNameException($"Actor name [{name}] is not unique under {_self.Path}.");
            childRef = new LocalActorRef(_self.Path.Child(name), _system.NextUid());
            _ = new ActorCell(_system, childRef, props, _self, dispatcher); // wires childRef.Cell before the ref is published
            children.Add(name, new ChildRestartStats(childRef));
        }

        childRef.SendSystemMessage(new Create());
        return childRef;
    }

    public IActorRef Child(string name)
    {
        var extras = _extras;
        if (extras is null)
            return ActorRefs.Nobody;
        lock (extras.ChildrenGate)
            return extras.Children is not null && extras.Children.TryGetValue(name, out var stats) ? stats.Child : ActorRefs.Nobody;
    }

    public IEnumerable<IActorRef> GetChildren() => ChildStatsSnapshot().Select(stats => (IActorRef)stats.Child).ToArray();

    public void Stop(IActorRef actor)
    {
        if (TryGetChildStats(actor) is { } stats)
        {
            (Extras.ToDie ??= []).Add(stats.Child);
            stats.Child.SendSystemMessage(new Terminate());
        }
        else
        {
            InternalActorRef.SendSystem(actor, new Terminate());
        }
    }

    internal ChildRestartStats? TryGetChildStats(IActorRef child)
    {
        var extras = _extras;
        if (extras is null)
            return null;
        lock (extras.ChildrenGate)
        {
            return extras.Children is not null && extras.Children.TryGetValue(child.Path.Name, out var stats) && stats.Child.Equals(child)
                ? stats
                : null;
        }
    }

    internal IReadOnlyList<ChildRestartStats> ChildStatsSnapshot()
    {
        var extras = _extras;
        if (extras is null)
            return [];
        lock (extras.ChildrenGate)
            return extras.Children is { Count: > 0 } children ? children.Values.ToArray() : [];
    }

    private bool HasChildrenToDie => _extras?.ToDie is { Count: > 0 };

    private void SuspendChildren(IActorRef? except)
    {
        foreach (var stats in ChildStatsSnapshot())
        {
            if (!stats.Child.Equals(except))
                stats.Child.SendSystemMessage(new Suspend());
        }
    }

    private void ResumeChildren(Exception? causedByFailure, IActorRef? perpetrator)
    {
        foreach (var stats in ChildStatsSnapshot())
            stats.Child.SendSystemMessage(new Resume(stats.Child.Equals(perpetrator) ? causedByFailure : null));
    }

    private void ChildTerminated(IActorRef child)
    {
        var extras = _extras;
        if (extras is null)
            return;
        lock (extras.ChildrenGate)
        {
            if (extras.Children is not null && extras.Children.TryGetValue(child.Path.Name, out var stats) && stats.Child.Equals(child))
                extras.Children.Remove(child.Path.Name);
        }

        extras.ToDie?.Remove(child);
        if (HasChildrenToDie)
            return;
        if (IsTerminating)
        {
            if (ChildStatsSnapshot().Count == 0)
                FinishTerminate();
        }
        else if (extras.PendingRecreateCause is { } cause)
        {
            FinishRecreate(cause);
        }
    }

    private static string ValidateName(string name)
    {
        if (name.Length == 0)
            throw new InvalidActorNameException("Actor name must not be empty.");
        if (name[0] == '$')
            throw new InvalidActorNameException($"Actor name [{name}] must not start with '$' (reserved for generated names).");
        foreach (var c in name)
        {
            if (c == '/' || c == '#' || char.IsWhiteSpace(c) || char.IsControl(c))
                throw new InvalidActorNameException($"Actor name [{name}] contains the invalid character '{c}'.");
        }

        return name;
    }

    private static string RandomName(CellExtras extras)
    {
        var n = extras.NameCounter++;
        Span<char> buffer = stackalloc char[12];
        var i = buffer.Length;
        do
        {
            buffer[--i] = NameAlphabet[(int)(n & 63)];
            n >>= 6;
        }
        while (n != 0);
        buffer[--i] = '$';
        return new string(buffer[i..]);
    }
}
