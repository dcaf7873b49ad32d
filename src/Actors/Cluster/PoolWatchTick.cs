namespace RSerPool.Actors.Cluster;

/// <summary>A subscription's signals: the end of the initial snapshot wait, the periodic check of every origin, and its own node being Up.</summary>
internal sealed class PoolWatchTick
{
    private PoolWatchTick(string name) => Name = name;

    public static PoolWatchTick InitialTimeout { get; } = new("initial-timeout");

    public static PoolWatchTick Verify { get; } = new("verify");

    public static PoolWatchTick SelfUp { get; } = new("self-up");

    public string Name { get; }

    public override string ToString() => $"PoolWatchTick({Name})";
}
