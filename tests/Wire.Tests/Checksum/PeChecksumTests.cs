using Xunit;

namespace RSerPool.Wire.Tests.Checksum;

// RFC 5353 §3.6.2: the handlespace (PE) checksum, bit-exact with RSPLIB (docs/protocol-notes.md §12).
public sealed class PeChecksumTests
{
    private static readonly byte[] EchoPool = SpecChecksum.Ascii("EchoPool");
    private static readonly byte[] CalcAppPool = SpecChecksum.Ascii("CalcAppPool");

    [Fact]
    public void Worked_example_with_two_pes_in_EchoPool_gives_ff39()
    {
        // docs/protocol-notes.md §12 and Vectors/enrp-presence.txt
        PeChecksum checksum = PeChecksum.Empty.Add(EchoPool, 0x1a2b3c4d).Add(EchoPool, 0x5e6f7081);

        Assert.Equal(0x400c2u, checksum.Accumulator);
        Assert.Equal((ushort)0xff39, checksum.Finish());
    }

    [Fact]
    public void Worked_example_partial_sums_match_the_presence_vector_notes()
    {
        // vectors/enrp-presence.txt: "Partial sums: PE1 0x1c425, PE2 0x23c9d"
        Assert.Equal(0x1c425u, PeChecksum.PartialSum(EchoPool, 0x1a2b3c4d));
        Assert.Equal(0x23c9du, PeChecksum.PartialSum(EchoPool, 0x5e6f7081));
    }

    [Fact]
    public void Odd_length_handle_is_padded_before_the_pe_id_and_gives_f419()
    {
        // docs/protocol-notes.md §12 odd handle example: words ... 6c00 5e6f 7081 = 0x30be3
        Assert.Equal(0x30be3u, PeChecksum.PartialSum(CalcAppPool, 0x5e6f7081));
        Assert.Equal((ushort)0xf419, PeChecksum.Empty.Add(CalcAppPool, 0x5e6f7081).Finish());
    }

    [Fact]
    public void No_pool_elements_gives_ffff()
    {
        Assert.Equal((ushort)0xffff, PeChecksum.Empty.Finish());
        Assert.Equal(PeChecksum.NoPoolElements, default(PeChecksum).Finish());
    }

    [Fact]
    public void Adding_then_removing_a_pe_restores_the_previous_value()
    {
        PeChecksum before = PeChecksum.Empty.Add(EchoPool, 0x1a2b3c4d).Add(CalcAppPool, 0x00000007);

        PeChecksum after = before.Add(EchoPool, 0x5e6f7081).Remove(EchoPool, 0x5e6f7081);

        Assert.Equal(before, after);
        Assert.Equal(before.Finish(), after.Finish());
        Assert.NotEqual(before, before.Add(EchoPool, 0x5e6f7081));
    }

    [Fact]
    public void Removing_the_last_pe_returns_to_the_empty_checksum()
    {
        PeChecksum checksum = PeChecksum.Empty.Add(CalcAppPool, 0x5e6f7081).Remove(CalcAppPool, 0x5e6f7081);

        Assert.Equal(PeChecksum.Empty, checksum);
        Assert.Equal((ushort)0xffff, checksum.Finish());
    }

    [Fact]
    public void Removal_below_zero_wraps_and_is_undone_by_adding_back()
    {
        uint big = PeChecksum.PartialSum(CalcAppPool, 0xfffffffe);
        PeChecksum wrapped = PeChecksum.Empty.Remove(big);

        Assert.Equal(unchecked(0u - big), wrapped.Accumulator);
        Assert.Equal(PeChecksum.Empty, wrapped.Add(big));
    }

    [Fact]
    public void Result_does_not_depend_on_the_order_of_pes()
    {
        var pes = new (byte[] Handle, uint Id)[]
        {
            (EchoPool, 0x1a2b3c4d), (EchoPool, 0x5e6f7081), (CalcAppPool, 0x5e6f7081),
            (SpecChecksum.Ascii("x"), 0xffffffff), (SpecChecksum.Ascii("abc"), 1),
        };
        var random = new Random(5353);
        ushort reference = SpecChecksum.Compute(pes, wideAccumulator: false);

        for (int round = 0; round < 20; round++)
        {
            var shuffled = pes.ToArray();
            random.Shuffle(shuffled);
            PeChecksum checksum = PeChecksum.Empty;
            foreach ((byte[] handle, uint id) in shuffled)
            {
                checksum = checksum.Add(handle, id);
            }

            Assert.Equal(reference, checksum.Finish());
        }
    }

    [Fact]
    public void Accumulator_wraps_at_32_bits_where_a_64_bit_sum_would_differ()
    {
        // docs/protocol-notes.md §12: several thousand PEs per owner overflow 32 bits. A 32-byte handle of 0xff bytes
        // contributes 16 * 0xffff, its PE id up to 2 * 0xffff: 5000 such PEs sum to about 5.9e9 > 2^32.
        byte[] handle = Enumerable.Repeat((byte)0xff, 32).ToArray();
        var pes = Enumerable.Range(0, 5000).Select(i => (handle, 0xffff0000u | (uint)i)).ToList();

        ushort wrapped = SpecChecksum.Compute(pes, wideAccumulator: false);
        ushort wide = SpecChecksum.Compute(pes, wideAccumulator: true);
        Assert.NotEqual(wrapped, wide); // the case really separates the two accumulator widths

        PeChecksum checksum = PeChecksum.Empty;
        ulong exactSum = 0;
        foreach ((byte[] h, uint id) in pes)
        {
            checksum = checksum.Add(h, id);
            exactSum += PeChecksum.PartialSum(h, id);
        }

        Assert.True(exactSum > uint.MaxValue, $"sum 0x{exactSum:x} must exceed 32 bits");
        Assert.Equal((uint)exactSum, checksum.Accumulator);
        Assert.Equal(wrapped, checksum.Finish());
    }

    [Fact]
    public void Random_handlespaces_match_the_spec_pseudocode()
    {
        const int seed = 20260522;
        var random = new Random(seed);
        for (int round = 0; round < 200; round++)
        {
            int count = random.Next(0, 40);
            var pes = new List<(byte[] Handle, uint Id)>();
            PeChecksum checksum = PeChecksum.Empty;
            for (int i = 0; i < count; i++)
            {
                byte[] handle = new byte[random.Next(1, 33)];
                random.NextBytes(handle);
                uint id = (uint)random.NextInt64(1, 0xFFFFFFFF);
                pes.Add((handle, id));
                checksum = checksum.Add(handle, id);
            }

            Assert.True(
                SpecChecksum.Compute(pes, wideAccumulator: false) == checksum.Finish(),
                $"seed {seed}, round {round}: checksum differs from the spec pseudocode");
        }
    }
}
