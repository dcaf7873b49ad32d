// DATA frame (docs/session-shim.md §3.2): application bytes, services draft §3.3 data channel.
namespace RSerPool.Wire.Session;

/// <param name="Sequence">Per-connection, per-direction sequence number, 1 for the first data frame.</param>
/// <param name="AckRequested">The receiver acknowledges the frame after its application handled it.</param>
/// <param name="Payload">Application bytes (may be empty).</param>
public sealed record ShimDataFrame(uint Sequence, bool AckRequested, ValueArray<byte> Payload) : ShimFrame
{
    public override ShimPayloadProtocol Protocol => ShimPayloadProtocol.Data;

    /// <summary>Prints the payload length, not its bytes.</summary>
    public override string ToString() => $"ShimDataFrame {{ Sequence = {Sequence}, AckRequested = {AckRequested}, Length = {Payload.Count} }}";
}
