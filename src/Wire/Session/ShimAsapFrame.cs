// PPID 11 frame (docs/session-shim.md §3.1): one plain ASAP message, RFC 5352 §2.2.
using RSerPool.Wire.Messages.Asap;

namespace RSerPool.Wire.Session;

/// <param name="Message">The control message, encoded by AsapEncoder on the wire.</param>
public sealed record ShimAsapFrame(AsapMessage Message) : ShimFrame
{
    public override ShimPayloadProtocol Protocol => ShimPayloadProtocol.Asap;
}
