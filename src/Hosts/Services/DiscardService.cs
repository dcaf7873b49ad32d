using RSerPool.Actors.Api;
using RSerPool.Actors.Session;

namespace RSerPool.Hosts.Services;

/// <summary>Discard (RFC 863 over a pool session): messages are counted and dropped; nothing is answered.</summary>
public sealed class DiscardService : IPoolElementService
{
    private long _discardedBytes;

    /// <summary>Bytes discarded since start (all sessions).</summary>
    public long DiscardedBytes => Interlocked.Read(ref _discardedBytes);

    public void OnMessage(IPoolElementSessionContext session, ReadOnlyMemory<byte> payload) =>
        Interlocked.Add(ref _discardedBytes, payload.Length);
}
