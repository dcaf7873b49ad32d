namespace RSerPool.Actors.Kernel;

/// <summary>Well-known refs (Akka.NET's <c>ActorRefs</c>).</summary>
public static class ActorRefs
{
    /// <summary>A ref that drops everything told to it; watching it yields an immediate <see cref="Terminated"/>.</summary>
    public static readonly IActorRef Nobody = Kernel.Nobody.Instance;

    /// <summary>No sender: the receiver sees the system's dead-letter ref as <c>Sender</c>.</summary>
    public static readonly IActorRef? NoSender = null;
}
