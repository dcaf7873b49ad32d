using FsCheck;
using FsCheck.Fluent;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Messages.Enrp;
using RSerPool.Wire.Parameters;
using RSerPool.Wire.Tests.Support;
using RSerPool.Wire.Tests.Vectors;
using Xunit;

namespace RSerPool.Wire.Tests.Properties;

// Issue 2: truncated, extended and mutated inputs only ever give the typed error
// (DecodeError from TryDecode, RSerPoolWireException from Decode), never another exception, never an
// over-read (inputs are exact-size arrays), and an error offset never lies beyond the input.
public sealed class MutationProperties
{
    /// <summary>Mutated inputs per FsCheck case: 100,000 cases make 1,000,000 inputs.</summary>
    public const int InputsPerCase = 10;

    private static readonly Lazy<(string Name, bool Enrp, byte[] Bytes)[]> Corpus = new(BuildCorpus);

    /// <summary>The valid messages the mutations start from: the vectors and ten generated messages of every type.</summary>
    public static (string Name, bool Enrp, byte[] Bytes)[] Sources => Corpus.Value;

    [FuzzProperty(cases: 100_000, seed: 101)]
    public Property Mutated_messages_only_ever_give_the_typed_error() =>
        Prop.ForAll(MutatedBatches(), batch =>
        {
            int decoded = 0;
            foreach (MutatedInput input in batch.Inputs)
            {
                decoded += CheckOne(input) ? 1 : 0;
            }

            return true.Classify(decoded > 0, "a batch where an input still decoded");
        });

    [Fact]
    public void Every_truncation_of_every_vector_gives_the_typed_error()
    {
        foreach (string name in VectorFile.AllNames())
        {
            VectorFile vector = VectorFile.Load(name);
            for (int length = 0; length < vector.Bytes.Length; length++)
            {
                byte[] input = vector.Bytes[..length];
                bool decoded = WireCodec.TryDecode(vector.IsEnrp, input, out _, out DecodeError error);

                Assert.False(decoded, $"{name} truncated to {length} bytes decoded");
                Assert.NotEqual(DecodeStatus.Success, error.Status);
                var thrown = Assert.Throws<RSerPoolWireException>(() => WireCodec.Decode(vector.IsEnrp, input));
                Assert.Equal(error.Status, thrown.Status);
            }
        }
    }

    [Fact]
    public void Mutator_really_damages_its_input()
    {
        // Guards the property above against a mutator that returns its input unchanged.
        var random = new Random(7);
        var mutator = new Mutator(random);
        byte[] source = VectorFile.Load("enrp-handle-table-response").Bytes;
        for (int kind = 0; kind < Mutator.KindCount; kind++)
        {
            int changed = 0;
            for (int i = 0; i < 100; i++)
            {
                if (!mutator.Mutate(source, kind).AsSpan().SequenceEqual(source))
                {
                    changed++;
                }
            }

            Expect.True(changed >= 80, () => $"{Mutator.KindName(kind)} changed only {changed} of 100 inputs");
        }
    }

    // FsCheck draws each input's source (a vector or a generated message) and the seed of the batch's mutator (one
    // seeded Random costs as much as a few mutations). Any byte string is a fair input, so once a batch is down to
    // its failing input FsCheck's byte[] shrinker takes over.
    private static Arbitrary<MutatedBatch> MutatedBatches()
    {
        Gen<MutatedBatch> batches = Gen.Zip(Gen.ArrayOf(Gen.Elements(Corpus.Value), InputsPerCase), PrimitiveGen.Int, (sources, seed) =>
        {
            var random = new Random(seed);
            return new MutatedBatch([.. sources.Select(source => MutatedInput.From(source.Name, source.Enrp, source.Bytes, random))]);
        });
        return Arb.From(batches, Shrink);

        static IEnumerable<MutatedBatch> Shrink(MutatedBatch batch) => batch.Inputs.Length > 1
            ? batch.Inputs.Select(one => new MutatedBatch([one]))
            : Shrinks.Bytes(batch.Inputs[0].Bytes).Select(bytes => new MutatedBatch([batch.Inputs[0] with { Bytes = bytes, Shrunk = true }]));
    }

    /// <returns>True when the decoder accepted the input.</returns>
    private static bool CheckOne(MutatedInput input)
    {
        bool enrp = input.Enrp;
        byte[] bytes = input.Bytes;
        bool decoded;
        DecodeError error;
        object? message;
        ValueArray<UnrecognizedParameter> reports;
        try
        {
            decoded = WireCodec.TryDecode(enrp, bytes, out message, out error, out reports);
        }
        catch (Exception exception)
        {
            throw Failure("TryDecode threw", exception);
        }

        // the answer an actor builds from a failure or a report only ever slices inside the input
        foreach (UnrecognizedParameter report in reports)
        {
            Expect.True(
                report.Offset >= 0 && report.Length >= 4 && report.Offset + report.Length <= bytes.Length,
                () => Describe($"report outside the input: {report}"));
        }

        // the answer to a failure or a report, with the echo the actors put in it, fits an Error in both protocols
        var causes = new List<ErrorCause>();
        try
        {
            if (!decoded && ErrorCause.ForDecodeError(error, bytes) is { } cause)
            {
                causes.Add(cause);
            }

            causes.AddRange(reports.Select(report => ErrorCause.UnrecognizedParameter(report.GetBytes(bytes))));
            foreach (ErrorCause answer in causes)
            {
                WireCodec.Encode(new AsapError(new OperationError(answer)));
                WireCodec.Encode(new EnrpError(0x01020304, 0x05060708, new OperationError(answer)));
            }
        }
        catch (Exception exception)
        {
            throw Failure($"building or encoding the error answer for {error} threw", exception);
        }

        if (decoded)
        {
            Expect.True(message is not null, () => Describe("TryDecode returned true without a message"));
            AssertReencodable(message!);
        }
        else
        {
            Expect.True(error.Status != DecodeStatus.Success, () => Describe($"TryDecode failed with status Success: {error}"));
            Expect.True(error.Offset >= 0 && error.Offset <= bytes.Length, () => Describe($"error offset outside the input: {error}"));
            Expect.True(
                !error.HasParameter || (error.ParameterOffset >= 0 && error.ParameterOffset + error.ParameterLength <= bytes.Length),
                () => Describe($"offending parameter range outside the input: {error}"));
        }

        // the throwing form agrees, and throws nothing but RSerPoolWireException
        if (input.AlsoThrowingForm)
        {
            try
            {
                WireCodec.Decode(enrp, bytes);
                Expect.True(decoded, () => Describe("Decode accepted what TryDecode rejected"));
            }
            catch (RSerPoolWireException exception)
            {
                Expect.True(!decoded, () => Describe($"Decode threw although TryDecode accepted: {exception.Message}"));
                Expect.True(exception.Status == error.Status, () => Describe($"Decode reported {exception.Status}, TryDecode {error.Status}"));
            }
            catch (Exception exception)
            {
                throw Failure("Decode threw another exception", exception);
            }
        }

        return decoded;

        // What the decoder accepts, the encoder can send, and that decodes to the same record.
        void AssertReencodable(object accepted)
        {
            byte[] encoded;
            try
            {
                encoded = WireCodec.Encode(accepted);
            }
            catch (Exception exception)
            {
                throw Failure($"the accepted record {accepted} cannot be encoded", exception);
            }

            bool again = WireCodec.TryDecode(enrp, encoded, out object? copy, out DecodeError reencodedError);
            Expect.True(again && accepted.Equals(copy), () => Describe($"re-encoded accepted record does not decode to itself ({reencodedError})\n re-encoded: {Hex.Format(encoded)}"));
        }

        string Describe(string what) => $"{what}\n input: {input}";

        Exception Failure(string what, Exception exception) =>
            new Xunit.Sdk.XunitException(Describe($"{what}: {exception}"));
    }

    // The vectors, and ten generated messages of every type.
    private static (string Name, bool Enrp, byte[] Bytes)[] BuildCorpus()
    {
        var corpus = new List<(string, bool, byte[])>();
        foreach (string name in VectorFile.AllNames())
        {
            VectorFile vector = VectorFile.Load(name);
            corpus.Add(($"vector {name}", vector.IsEnrp, vector.Bytes));
        }

        foreach (var type in MessageGen.AsapTypes)
        {
            var messages = Gen.Sample(MessageGen.Any.Asap(type), 10, FuzzSettings.RndFor(100 + (int)type), size: 100);
            corpus.AddRange(messages.Select((message, i) => ($"generated ASAP {type} #{i}", false, WireCodec.Encode(message))));
        }

        foreach (var type in MessageGen.EnrpTypes)
        {
            var messages = Gen.Sample(MessageGen.Any.Enrp(type), 10, FuzzSettings.RndFor(200 + (int)type), size: 100);
            corpus.AddRange(messages.Select((message, i) => ($"generated ENRP {type} #{i}", true, WireCodec.Encode(message))));
        }

        return [.. corpus];
    }
}
