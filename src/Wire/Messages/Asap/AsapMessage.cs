// Base of the 14 ASAP messages (RFC 5352 §2.2). Common header: | Type (8) | Flags (8) | Length (16) | (RFC 5354 §4).
// Flags: the defined bits are typed bool properties of the concrete records; undefined bits are sent as 0 and
// ignored on receipt (RFC 5354 §4), so they are neither kept nor part of equality.
namespace RSerPool.Wire.Messages.Asap;

public abstract record AsapMessage
{
    private protected AsapMessage()
    {
    }

    public abstract AsapMessageType Type { get; }
}
