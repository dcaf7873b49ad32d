namespace RSerPool.Actors.Transport;

/// <summary>Internal: the timer of a stream association that ends a <see cref="ThrottleReading"/> pause.</summary>
internal sealed record ResumeReading
{
    public static ResumeReading Instance { get; } = new();
}
