// Helpers on raw 16-bit parameter types (RFC 5354 §3: compare with the action bits masked off).
namespace RSerPool.Wire.Parameters;

public static class ParameterTypes
{
    /// <summary>Mask of the 14 bits that identify the parameter.</summary>
    public const ushort IdentifierMask = 0x3FFF;

    /// <summary>What a receiver that does not know <paramref name="rawType"/> must do (top two bits).</summary>
    public static UnrecognizedParameterAction UnrecognizedAction(ushort rawType) => (UnrecognizedParameterAction)(rawType >> 14);

    /// <summary>What a receiver that does not know this type must do.</summary>
    public static UnrecognizedParameterAction UnrecognizedAction(this ParameterType type) => UnrecognizedAction((ushort)type);

    /// <summary>The type with its action bits cleared.</summary>
    public static ushort Identifier(ushort rawType) => (ushort)(rawType & IdentifierMask);
}
