namespace RSerPool.Actors.Transport;

/// <summary>Internal: the periodic timer of a stream association that closes stalled peers (first message, partial frame, unread answers).</summary>
internal sealed record LivenessCheck
{
    public static LivenessCheck Instance { get; } = new();
}
