// HEARTBEAT frame (docs/session-shim.md §3.4): services draft §5.2.1 asks TCP for a heartbeat.
namespace RSerPool.Wire.Session;

/// <param name="Nonce">Opaque value the answer echoes.</param>
public sealed record ShimHeartbeatFrame(ulong Nonce) : ShimFrame
{
    public override ShimPayloadProtocol Protocol => ShimPayloadProtocol.Heartbeat;
}
