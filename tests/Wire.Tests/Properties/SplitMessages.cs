using System.Globalization;
using RSerPool.Wire.Tests.Support;

namespace RSerPool.Wire.Tests.Properties;

/// <summary>
/// A case of the stream split property: messages sent back to back, and sets of cut points for their stream.
/// A cut point is taken modulo (stream length + 1), so every cut set fits whatever messages remain after shrinking.
/// </summary>
public sealed record SplitMessages(object[] Messages, int[][] CutSets)
{
    public byte[][] Frames() => [.. Messages.Select(WireCodec.Encode)];

    public static int[] CutsIn(int[] cutSet, int streamLength) => [.. cutSet.Select(cut => cut % (streamLength + 1)).Order()];

    public override string ToString() =>
        $"{Messages.Length} messages [{string.Join(", ", Messages)}], cut sets {string.Join(" ", CutSets.Select(c => "[" + string.Join(",", c.Select(x => x.ToString(CultureInfo.InvariantCulture))) + "]"))}";
}
