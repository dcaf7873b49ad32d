namespace RSerPool.Actors.Kernel.TestKit;

/// <summary>Asks a probe's actor to watch or unwatch <see cref="Target"/> on its own thread.</summary>
internal sealed record ProbeWatch(IActorRef Target, bool Watch)
{
    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
