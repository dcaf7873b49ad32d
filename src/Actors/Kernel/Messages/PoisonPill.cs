namespace RSerPool.Actors.Kernel;

/// <summary>Stops the receiver once the user messages queued before it have been processed (Akka.NET's <c>PoisonPill</c>).</summary>
public sealed class PoisonPill : IAutoReceivedMessage
{
    private PoisonPill()
    {
    }

    public static PoisonPill Instance { get; } = new();

    public override string ToString() => "<PoisonPill>";
}
