// Result of TlvCursor.Next.
namespace RSerPool.Wire.Codec;

internal enum TlvStep
{
    Item,
    End,
    Failed,
}
