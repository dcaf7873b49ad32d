namespace RSerPool.Actors.Kernel;

/// <summary>Makes the receiver fail with <see cref="ActorKilledException"/>, in mailbox order (Akka.NET's <c>Kill</c>).</summary>
public sealed class Kill : IAutoReceivedMessage
{
    private Kill()
    {
    }

    public static Kill Instance { get; } = new();

    public override string ToString() => "<Kill>";
}
