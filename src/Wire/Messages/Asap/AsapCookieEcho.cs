// ASAP_COOKIE_ECHO (0x0C), RFC 5352 §2.2.12: H(0x0C, 0) [Cookie]
namespace RSerPool.Wire.Messages.Asap;

/// <param name="Cookie">The last cookie received from the failed PE, unchanged.</param>
public sealed record AsapCookieEcho(ValueArray<byte> Cookie) : AsapMessage
{
    public override AsapMessageType Type => AsapMessageType.CookieEcho;
}
