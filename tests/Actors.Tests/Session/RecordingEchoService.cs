using System.Text;
using RSerPool.Actors.Api;
using Akka.Actor;
using RSerPool.Actors.Session;

namespace RSerPool.Actors.Tests.Session;

/// <summary>
/// Echo service for real-socket tests: answers "NAME:text", then sends the cookie "NAME:count", and tells every call to
/// a probe. From message <see cref="FailFrom"/> on it throws (a crashing service); message <see cref="HangAt"/> blocks
/// until <see cref="Release"/> (a hung service).
/// </summary>
internal sealed class RecordingEchoService(string name, IActorRef events) : IPoolElementService
{
    private readonly ManualResetEventSlim _gate = new(false);
    private int _count;

    public int FailFrom { get; init; } = int.MaxValue;

    public int HangAt { get; init; } = int.MaxValue;

    public void Release() => _gate.Set();

    public void OnSessionOpened(IPoolElementSessionContext session) => events.Tell(new ServiceEvent(name, "opened", ""));

    public void OnMessage(IPoolElementSessionContext session, ReadOnlyMemory<byte> payload)
    {
        string text = Encoding.ASCII.GetString(payload.Span);
        events.Tell(new ServiceEvent(name, "message", text));
        int number = ++_count;
        if (number >= FailFrom)
        {
            throw new InvalidOperationException($"service {name} crashed at message {number}");
        }

        if (number == HangAt)
        {
            _gate.Wait(TimeSpan.FromSeconds(30));
        }

        session.Send(Encoding.ASCII.GetBytes($"{name}:{text}"));
        session.SendCookie(Encoding.ASCII.GetBytes($"{name}:{number}"));
    }

    public void OnCookieEcho(IPoolElementSessionContext session, ReadOnlyMemory<byte> cookie) =>
        events.Tell(new ServiceEvent(name, "cookie-echo", Encoding.ASCII.GetString(cookie.Span)));

    public void OnBusinessCard(IPoolElementSessionContext session, Wire.Messages.Asap.AsapBusinessCard card) =>
        events.Tell(new ServiceEvent(name, "business-card", card.PoolHandle.ToString()));

    public void OnSessionClosed(IPoolElementSessionContext session) => events.Tell(new ServiceEvent(name, "closed", ""));
}
