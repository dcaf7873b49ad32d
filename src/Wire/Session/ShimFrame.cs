// PU-PE channel shim (docs/session-shim.md §2): the decoded form of one frame.
namespace RSerPool.Wire.Session;

/// <summary>One frame of the PU-PE channel shim. Immutable and owning its bytes, so it may cross actors.</summary>
public abstract record ShimFrame
{
    /// <summary>The frame's Payload Protocol Identifier.</summary>
    public abstract ShimPayloadProtocol Protocol { get; }
}
