namespace RSerPool.Actors.Kernel;

/// <summary>Sent to an actor that received no (influencing) message for its receive timeout (Akka.NET's <c>ReceiveTimeout</c>).</summary>
public sealed class ReceiveTimeout : INotInfluenceReceiveTimeout
{
    private ReceiveTimeout()
    {
    }

    public static ReceiveTimeout Instance { get; } = new();

    public override string ToString() => "<ReceiveTimeout>";
}
