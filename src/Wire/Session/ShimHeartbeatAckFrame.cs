// HEARTBEAT-ACK frame (docs/session-shim.md §3.4).
namespace RSerPool.Wire.Session;

/// <param name="Nonce">The nonce of the heartbeat being answered.</param>
public sealed record ShimHeartbeatAckFrame(ulong Nonce) : ShimFrame
{
    public override ShimPayloadProtocol Protocol => ShimPayloadProtocol.HeartbeatAck;
}
