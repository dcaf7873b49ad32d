// ACK frame (docs/session-shim.md §3.3): upper-layer acknowledgement, services draft §3.3.
namespace RSerPool.Wire.Session;

/// <param name="Sequence">Acknowledges the ack-requested data frame with this sequence number and every earlier one.</param>
public sealed record ShimAckFrame(uint Sequence) : ShimFrame
{
    public override ShimPayloadProtocol Protocol => ShimPayloadProtocol.Ack;
}
