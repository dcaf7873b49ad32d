using RSerPool.Actors.Api;
using RSerPool.Actors.Session;

namespace RSerPool.Benchmarks.Session;

/// <summary>The PE side of the throughput harness: answers each message with its bytes.</summary>
public sealed class EchoingService : IPoolElementService
{
    public void OnMessage(IPoolElementSessionContext session, ReadOnlyMemory<byte> payload) => session.Send(payload);
}
