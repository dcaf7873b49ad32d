using RSerPool.Actors.Api;
using RSerPool.Actors.Session;

namespace RSerPool.Hosts.Services;

/// <summary>Echo (RFC 862 over a pool session): every message comes back unchanged.</summary>
public sealed class EchoService : IPoolElementService
{
    public void OnMessage(IPoolElementSessionContext session, ReadOnlyMemory<byte> payload) => session.Send(payload);
}
