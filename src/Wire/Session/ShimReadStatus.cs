// Outcome of reading one shim frame (docs/session-shim.md §4).
namespace RSerPool.Wire.Session;

public enum ShimReadStatus
{
    /// <summary>The buffer does not yet hold a whole frame; read more bytes and call again.</summary>
    NeedMoreData = 0,

    /// <summary>One frame was decoded.</summary>
    Frame = 1,

    /// <summary>The stream is broken; close the connection.</summary>
    Malformed = 2,
}
