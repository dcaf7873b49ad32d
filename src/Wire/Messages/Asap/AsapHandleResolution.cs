// ASAP_HANDLE_RESOLUTION (0x05), RFC 5352 §2.2.5:
// H(0x05, 0) [Pool Handle] [Handle Resolution Option 0x803F: Items (32)] opt
using RSerPool.Wire.Parameters;

namespace RSerPool.Wire.Messages.Asap;

/// <param name="PoolHandle">The pool to resolve.</param>
/// <param name="Items">Handle Resolution Option (RSPLIB extension): PEs wanted, 0xFFFFFFFF = as many as possible; null = option absent.</param>
public sealed record AsapHandleResolution(PoolHandle PoolHandle, uint? Items = null) : AsapMessage
{
    /// <summary>Items value meaning "as many as possible".</summary>
    public const uint AsManyAsPossible = 0xFFFFFFFF;

    public override AsapMessageType Type => AsapMessageType.HandleResolution;
}
