namespace RSerPool.Actors.Kernel;

/// <summary>The scheduler's internal wake-up for a receive timeout; stale generations are dropped.</summary>
internal sealed class ReceiveTimeoutTick(long generation) : IAutoReceivedMessage, INotInfluenceReceiveTimeout
{
    public long Generation { get; } = generation;
}
