using RSerPool.Wire.Tests.Support;

namespace RSerPool.Wire.Tests.Properties;

/// <summary>A case of the frame splitter property: arbitrary bytes, a maximum message length, and where the
/// bytes are cut into segments (ascending, within the stream).</summary>
public sealed record SplitBytes(byte[] Stream, int Max, int[] Cuts)
{
    public override string ToString() => $"max {Max}, cuts [{string.Join(",", Cuts)}], bytes {Hex.Format(Stream)}";
}
