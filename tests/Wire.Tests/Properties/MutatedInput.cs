using RSerPool.Wire.Tests.Support;

namespace RSerPool.Wire.Tests.Properties;

/// <summary>
/// One input of the mutation property: a valid message (<see cref="Source"/>) damaged by one or two
/// <see cref="Mutator"/> mutations, and the decoder it goes to. FsCheck prints it for a failing case.
/// </summary>
/// <param name="SecondKind">The mutation applied to the first one's result, or -1.</param>
/// <param name="OtherDecoder">The input goes to the other protocol's decoder: the type spaces overlap.</param>
/// <param name="AlsoThrowingForm">Also run the throwing <c>Decode</c> and compare it with <c>TryDecode</c>.</param>
/// <param name="Shrunk">FsCheck shrank <see cref="Bytes"/>; the mutations no longer describe them.</param>
public sealed record MutatedInput(
    string Source, bool SourceIsEnrp, int FirstKind, int SecondKind, bool OtherDecoder, bool AlsoThrowingForm, byte[] Bytes,
    bool Shrunk = false)
{
    /// <summary>The decoder the input goes to.</summary>
    public bool Enrp => SourceIsEnrp ^ OtherDecoder;

    /// <summary>
    /// A mutation of a kind drawn uniformly; for inputs of 8 bytes or more, 1 time in 4 a second one; 1 time in 4 the
    /// other protocol's decoder; 1 time in 2 the throwing form as well.
    /// </summary>
    public static MutatedInput From(string source, bool sourceIsEnrp, byte[] bytes, Random random)
    {
        var mutator = new Mutator(random);
        int first = random.Next(Mutator.KindCount);
        byte[] input = mutator.Mutate(bytes, first);
        int second = -1;
        if (input.Length >= 8 && random.Next(4) == 0)
        {
            second = random.Next(Mutator.KindCount);
            input = mutator.Mutate(input, second);
        }

        return new MutatedInput(source, sourceIsEnrp, first, second, random.Next(4) == 0, random.Next(2) == 0, input);
    }

    public override string ToString()
    {
        string mutations = Mutator.KindName(FirstKind) + (SecondKind < 0 ? string.Empty : " + " + Mutator.KindName(SecondKind));
        return $"{(Enrp ? "ENRP" : "ASAP")} decoder{(AlsoThrowingForm ? " (both forms)" : string.Empty)}, {Source}, "
            + $"{(Shrunk ? "shrunk after " : string.Empty)}'{mutations}': {Hex.Format(Bytes)}";
    }
}
