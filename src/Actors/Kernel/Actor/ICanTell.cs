namespace RSerPool.Actors.Kernel;

/// <summary>Anything a message can be told to (Akka.NET's <c>ICanTell</c>).</summary>
public interface ICanTell
{
    /// <summary>Sends <paramref name="message"/> without waiting; <paramref name="sender"/> becomes the receiver's <c>Sender</c>.</summary>
    void Tell(object message, IActorRef? sender);
}
