using System.Buffers;

namespace RSerPool.Wire.Tests.Support;

/// <summary>One segment of a test <see cref="ReadOnlySequence{T}"/> built by <see cref="Sequences"/>.</summary>
public sealed class BufferSegment : ReadOnlySequenceSegment<byte>
{
    public BufferSegment(ReadOnlyMemory<byte> memory) => Memory = memory;

    /// <summary>Appends a segment after this one and returns it.</summary>
    public BufferSegment Append(ReadOnlyMemory<byte> memory)
    {
        var next = new BufferSegment(memory) { RunningIndex = RunningIndex + Memory.Length };
        Next = next;
        return next;
    }
}
