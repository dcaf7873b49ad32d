// Report of a parameter that had to be reported with cause 0x0001 (RFC 5354 §3, action bits 01 and 11).
namespace RSerPool.Wire.Errors;

/// <summary>
/// Where an unrecognized (or unexpected) parameter sits in the decoded message: <see cref="Offset"/> is the
/// absolute offset of its type field, <see cref="Length"/> its Parameter Length (header included, padding not).
/// </summary>
public readonly record struct UnrecognizedParameter(ushort Type, int Offset, int Length)
{
    /// <summary>The complete TLV, as required for the information of cause 0x0001.</summary>
    public ReadOnlySpan<byte> GetBytes(ReadOnlySpan<byte> message) => message.Slice(Offset, Length);
}
