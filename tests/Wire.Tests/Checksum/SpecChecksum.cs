using System.Text;

namespace RSerPool.Wire.Tests.Checksum;

/// <summary>
/// A literal transcription of the algorithm of docs/protocol-notes.md §12, written independently of
/// <see cref="PeChecksum"/> and used as the oracle for large cases. The accumulator width is a parameter so
/// a test can show that 32 and 64 bits really differ.
/// </summary>
internal static class SpecChecksum
{
    public static ushort Compute(IEnumerable<(byte[] Handle, uint PeId)> pes, bool wideAccumulator)
    {
        ulong acc = 0;
        foreach ((byte[] handle, uint peId) in pes)
        {
            var b = new List<byte>(handle);
            if (b.Count % 2 == 1)
            {
                b.Add(0x00);
            }

            b.Add((byte)(peId >> 24));
            b.Add((byte)(peId >> 16));
            b.Add((byte)(peId >> 8));
            b.Add((byte)peId);
            for (int i = 0; i < b.Count; i += 2)
            {
                acc += (ulong)((b[i] << 8) | b[i + 1]);
                if (!wideAccumulator)
                {
                    acc &= 0xFFFF_FFFF;
                }
            }
        }

        while ((acc >> 16) != 0)
        {
            acc = (acc & 0xFFFF) + (acc >> 16);
        }

        return (ushort)(~acc & 0xFFFF);
    }

    public static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);
}
