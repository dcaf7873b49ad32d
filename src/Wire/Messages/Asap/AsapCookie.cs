// ASAP_COOKIE (0x0B), RFC 5352 §2.2.11: H(0x0B, 0) [Cookie 0x000D: opaque bytes (>= 1) + padding]
namespace RSerPool.Wire.Messages.Asap;

/// <param name="Cookie">Opaque cookie bytes; sent as given (send multiples of 4 for RSPLIB, docs/protocol-notes.md §4).</param>
public sealed record AsapCookie(ValueArray<byte> Cookie) : AsapMessage
{
    public override AsapMessageType Type => AsapMessageType.Cookie;
}
