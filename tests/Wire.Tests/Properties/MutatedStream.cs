using RSerPool.Wire.Tests.Support;

namespace RSerPool.Wire.Tests.Properties;

/// <summary>A case of the mutated stream property: valid and mutated messages sent back to back as they are (lengths
/// that lie included), and the chunk sizes a socket loop receives them in (taken in turn, from the start again).</summary>
public sealed record MutatedStream(byte[] Stream, string[] Parts, int[] ChunkSizes)
{
    public override string ToString() =>
        $"parts [{string.Join("; ", Parts)}], chunk sizes [{string.Join(",", ChunkSizes)}], bytes {Hex.Format(Stream)}";
}
