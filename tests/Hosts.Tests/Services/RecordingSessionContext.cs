using RSerPool.Actors.Api;
using RSerPool.Actors.Session;

namespace RSerPool.Hosts.Tests.Services;

/// <summary>A session context that records what a service sends.</summary>
public sealed class RecordingSessionContext(long sessionId = 1) : IPoolElementSessionContext
{
    public long SessionId { get; } = sessionId;

    public List<byte[]> Sent { get; } = [];

    public List<byte[]> Cookies { get; } = [];

    public bool Closed { get; private set; }

    public void Send(ReadOnlyMemory<byte> payload) => Sent.Add(payload.ToArray());

    public void SendCookie(ReadOnlyMemory<byte> cookie) => Cookies.Add(cookie.ToArray());

    public void Close() => Closed = true;
}
