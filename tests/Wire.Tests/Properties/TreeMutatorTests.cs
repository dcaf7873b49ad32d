using RSerPool.Wire.Errors;
using RSerPool.Wire.Tests.Support;
using RSerPool.Wire.Tests.Vectors;
using Xunit;

namespace RSerPool.Wire.Tests.Properties;

// Guards the parameter-tree mutations of the fuzz harness: a mutator that never reached the nested checks would let the
// mutation property pass without testing them.
public sealed class TreeMutatorTests
{
    [Theory]
    [MemberData(nameof(VectorFile.Names), MemberType = typeof(VectorFile))]
    public void Every_vector_is_taken_apart_and_written_back_byte_for_byte(string name)
    {
        byte[] bytes = VectorFile.Load(name).Bytes;

        TlvMessage? message = TlvMessage.Parse(bytes);

        Assert.NotNull(message);
        Assert.Equal(Hex.Format(bytes), Hex.Format(message.ToBytes()));
    }

    [Fact]
    public void Tree_mutations_reach_the_checks_inside_nested_parameters()
    {
        var random = new Random(13);
        var mutator = new Mutator(random);
        VectorFile[] vectors = [.. VectorFile.AllNames().Select(VectorFile.Load)];
        var outcomes = new HashSet<DecodeStatus>();
        int accepted = 0;
        for (int kind = Mutator.ByteKindCount; kind < Mutator.KindCount; kind++)
        {
            foreach (VectorFile vector in vectors)
            {
                for (int i = 0; i < 20; i++)
                {
                    bool decoded = WireCodec.TryDecode(vector.IsEnrp, mutator.Mutate(vector.Bytes, kind), out _, out DecodeError error);
                    accepted += decoded ? 1 : 0;
                    outcomes.Add(error.Status);
                }
            }
        }

        // unknown parameters with each action (RFC 5354 §3), lengths that lie at depth, missing and surplus children
        Assert.Superset(
            new HashSet<DecodeStatus>
            {
                DecodeStatus.UnrecognizedParameter, DecodeStatus.UnrecognizedParameterReported, DecodeStatus.MissingParameter,
                DecodeStatus.ParameterOverrun, DecodeStatus.ParameterTooShort, DecodeStatus.InvalidParameterLength,
                DecodeStatus.TooManyAddresses, DecodeStatus.UnrecognizedMessageType,
            },
            outcomes);
        // skipped unknown parameters and harmless moves still decode: the valid-message side is exercised too
        Assert.True(accepted > 1000, $"only {accepted} mutated inputs decoded");
    }
}
