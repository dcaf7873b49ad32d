using Akka.Actor;

namespace RSerPool.Actors.Api;

/// <summary>Internal: turns actor messages into calls of an API object's handler (status events of a registration).</summary>
internal sealed class CallbackActor : ReceiveActor
{
    public CallbackActor(Action<object> callback) => ReceiveAny(callback);

    public static Props Props(Action<object> callback) => Akka.Actor.Props.Create(() => new CallbackActor(callback));
}
