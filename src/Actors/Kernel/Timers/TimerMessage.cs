namespace RSerPool.Actors.Kernel;

/// <summary>The envelope of a keyed timer's message; delivered only if its key still has this generation and owner.</summary>
internal sealed class TimerMessage(object key, long generation, TimerScheduler owner, object message) : IAutoReceivedMessage
{
    public object Key { get; } = key;

    public long Generation { get; } = generation;

    public TimerScheduler Owner { get; } = owner;

    public object Message { get; } = message;

    public override string ToString() => $"Timer[{Key}#{Generation}]: {Message}";
}
