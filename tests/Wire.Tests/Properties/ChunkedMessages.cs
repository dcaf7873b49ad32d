namespace RSerPool.Wire.Tests.Properties;

/// <summary>
/// A case of the chunked-reader property: ASAP messages sent back to back, read in chunks of the given sizes,
/// taken in turn and from the start again when they run out.
/// </summary>
public sealed record ChunkedMessages(object[] Messages, int[] ChunkSizes)
{
    public override string ToString() =>
        $"{Messages.Length} messages [{string.Join(", ", Messages)}], chunk sizes [{string.Join(",", ChunkSizes)}]";
}
