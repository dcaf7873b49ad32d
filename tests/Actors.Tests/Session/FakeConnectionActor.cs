using System.Net;
using Akka.Actor;
using RSerPool.Actors.Session;
using RSerPool.Wire.Session;

namespace RSerPool.Actors.Tests.Session;

/// <summary>Stands in for a <see cref="ShimConnectionActor"/> on the manual dispatcher: reports what the session does to a probe.</summary>
internal sealed class FakeConnectionActor : ReceiveActor
{
    private readonly IActorRef _events;
    private readonly IPEndPoint _endpoint;

    public FakeConnectionActor(IActorRef events, IPEndPoint endpoint, IActorRef handler)
    {
        _events = events;
        _endpoint = endpoint;
        Receive<ShimSend>(send => _events.Tell(new FakeSent(Self, send.Frame)));
        Receive<ShimClose>(_ =>
        {
            _events.Tell(new FakeClosedGracefully(Self));
            Context.Stop(Self);
        });
        Receive<FakeDeliver>(deliver => handler.Tell(deliver.Message, Self));
    }

    public static Props Factory(IActorRef events, IPEndPoint endpoint, IActorRef handler) =>
        Props.Create(() => new FakeConnectionActor(events, endpoint, handler));

    protected override void PreStart() => _events.Tell(new FakeConnectionOpened(Self, _endpoint));
}
