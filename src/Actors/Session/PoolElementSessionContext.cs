// What a PE service may do with its session (services draft §3.3; RFC 5352 §2.2.11 cookies).

namespace RSerPool.Actors.Session;

/// <summary>The <see cref="IPoolElementSessionContext"/> a <see cref="PoolElementSessionActor"/> hands to its service.</summary>
internal sealed class PoolElementSessionContext(long sessionId, PoolElementSessionActor.IOutlet outlet) : IPoolElementSessionContext
{
    public long SessionId { get; } = sessionId;

    public void Send(ReadOnlyMemory<byte> payload) => outlet.SendData(payload);

    public void SendCookie(ReadOnlyMemory<byte> cookie) => outlet.SendCookie(cookie);

    public void Close() => outlet.Close();

    public override string ToString() => $"session {SessionId}";
}
