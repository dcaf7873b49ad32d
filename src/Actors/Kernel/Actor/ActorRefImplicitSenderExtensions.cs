namespace RSerPool.Actors.Kernel;

/// <summary><c>Tell(message)</c> with the current actor as sender, or no sender outside an actor.</summary>
public static class ActorRefImplicitSenderExtensions
{
    /// <summary>Tells <paramref name="message"/>; the sender is <c>Self</c> when called from inside an actor.</summary>
    public static void Tell(this ICanTell receiver, object message) =>
        receiver.Tell(message, ActorCell.Current?.Self);

    /// <summary>Tells <paramref name="message"/> keeping the current message's original sender.</summary>
    public static void Forward(this ICanTell receiver, object message) =>
        receiver.Tell(message, ActorCell.Current?.Sender);
}
