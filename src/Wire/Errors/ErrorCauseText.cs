namespace RSerPool.Wire.Errors;

/// <summary>An error cause for people: its code and its name (RFC 5354 §3.12, docs/protocol-notes.md §5), e.g. "0x0006 LackOfResources".</summary>
public static class ErrorCauseText
{
    /// <summary><paramref name="code"/> as "0xNNNN Name"; a code without a name is "0xNNNN unknown cause".</summary>
    public static string Describe(ErrorCauseCode code) =>
        Enum.IsDefined(code) ? $"0x{(ushort)code:x4} {code}" : $"0x{(ushort)code:x4} unknown cause";
}
