namespace RSerPool.Wire.Framing;

/// <summary>Outcome of <see cref="FrameSplitter.TryReadFrame"/> (docs/protocol-notes.md §2 TCP convention).</summary>
public enum FrameReadStatus
{
    /// <summary>The buffer does not yet hold a whole frame; read more bytes and call again.</summary>
    NeedMoreData = 0,

    /// <summary>A whole frame was sliced off the front of the buffer.</summary>
    Frame = 1,

    /// <summary>The stream cannot be framed any further; the connection should be closed.</summary>
    Malformed = 2,
}
