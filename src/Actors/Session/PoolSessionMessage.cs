// An application message from the PE (services draft §3.3 data channel).
namespace RSerPool.Actors.Session;

/// <param name="Payload">The message bytes (owned by the receiver).</param>
/// <param name="PoolElementIdentifier">The PE that sent it.</param>
public sealed record PoolSessionMessage(ReadOnlyMemory<byte> Payload, uint PoolElementIdentifier) : IRSerPoolMessage
{
    public override string ToString() => $"PoolSessionMessage {{ Length = {Payload.Length}, PoolElementIdentifier = {PoolElementIdentifier} }}";
}
