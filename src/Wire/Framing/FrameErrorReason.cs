namespace RSerPool.Wire.Framing;

/// <summary>Why a message stream could not be framed (docs/protocol-notes.md §2 and §3).</summary>
public enum FrameErrorReason
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>The Message Length field is below 4, the size of the common header (RFC 5354 §4).</summary>
    LengthBelowHeader = 1,

    /// <summary>The Message Length field, rounded up to 4, exceeds the configured maximum.</summary>
    LengthOverMaximum = 2,
}
