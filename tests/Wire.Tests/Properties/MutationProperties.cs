using System.Diagnostics;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Parameters;
using RSerPool.Wire.Tests.Support;
using RSerPool.Wire.Tests.Vectors;
using Xunit;
using Xunit.Abstractions;

namespace RSerPool.Wire.Tests.Properties;

// Issue 2: truncated, extended and mutated inputs only ever give the typed error
// (DecodeError from TryDecode, RSerPoolWireException from Decode), never another exception, never an
// over-read (inputs are exact-size arrays), and an error offset never lies beyond the input.
public sealed class MutationProperties
{
    private const int Seeds = 4;

    private readonly ITestOutputHelper _output;

    public MutationProperties(ITestOutputHelper output) => _output = output;

    [Theory]
    [InlineData(101)]
    [InlineData(102)]
    [InlineData(103)]
    [InlineData(104)]
    public void Mutated_messages_only_ever_give_the_typed_error(int baseSeed)
    {
        int seed = FuzzSettings.SeedFor(baseSeed);
        long iterations = FuzzSettings.MutatedInputs / Seeds;
        var random = new Random(seed);
        var mutator = new Mutator(random);
        List<(bool Enrp, byte[] Bytes)> corpus = BuildCorpus(seed);
        var stopwatch = Stopwatch.StartNew();
        long accepted = 0;

        for (long i = 0; i < iterations; i++)
        {
            (bool enrp, byte[] original) = corpus[random.Next(corpus.Count)];
            int kind = random.Next(Mutator.KindCount);
            byte[] input = mutator.Mutate(original, kind);
            if (input.Length >= 8 && random.Next(4) == 0)
            {
                input = mutator.Mutate(input, random.Next(Mutator.KindCount));
            }

            // every fourth input also goes to the other protocol's decoder: the type spaces overlap
            bool asOther = (i & 3) == 3;
            if (CheckOne(asOther ? !enrp : enrp, input, seed, i, kind))
            {
                accepted++;
            }
        }

        _output.WriteLine($"seed {seed}: {iterations} mutated inputs, {accepted} still decoded, {stopwatch.Elapsed.TotalSeconds:F1} s");
    }

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
        var random = new Random(FuzzSettings.SeedFor(7));
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

            Assert.True(changed >= 80, $"{Mutator.KindName(kind)} changed only {changed} of 100 inputs");
        }
    }

    /// <returns>True when the decoder accepted the input.</returns>
    private static bool CheckOne(bool enrp, byte[] input, int seed, long iteration, int kind)
    {
        bool decoded;
        DecodeError error;
        object? message;
        ValueArray<UnrecognizedParameter> reports;
        try
        {
            decoded = WireCodec.TryDecode(enrp, input, out message, out error, out reports);
        }
        catch (Exception exception)
        {
            throw Failure("TryDecode threw", exception);
        }

        // the answer an actor builds from a failure or a report only ever slices inside the input
        foreach (UnrecognizedParameter report in reports)
        {
            Assert.True(
                report.Offset >= 0 && report.Length >= 4 && report.Offset + report.Length <= input.Length,
                Describe($"report outside the input: {report}"));
        }

        if (!decoded)
        {
            try
            {
                ErrorCause.ForDecodeError(error, input);
            }
            catch (Exception exception)
            {
                throw Failure($"building the error answer for {error} threw", exception);
            }
        }

        if (decoded)
        {
            Assert.True(message is not null, Describe("TryDecode returned true without a message"));
            AssertReencodable(message!);
        }
        else
        {
            Assert.True(error.Status != DecodeStatus.Success, Describe($"TryDecode failed with status Success: {error}"));
            Assert.True(error.Offset >= 0 && error.Offset <= input.Length, Describe($"error offset outside the input: {error}"));
            Assert.True(
                !error.HasParameter || (error.ParameterOffset >= 0 && error.ParameterOffset + error.ParameterLength <= input.Length),
                Describe($"offending parameter range outside the input: {error}"));
        }

        // the throwing form agrees, and throws nothing but RSerPoolWireException
        if ((iteration & 1) == 0)
        {
            try
            {
                WireCodec.Decode(enrp, input);
                Assert.True(decoded, Describe("Decode accepted what TryDecode rejected"));
            }
            catch (RSerPoolWireException exception)
            {
                Assert.True(!decoded, Describe($"Decode threw although TryDecode accepted: {exception.Message}"));
                Assert.True(exception.Status == error.Status, Describe($"Decode reported {exception.Status}, TryDecode {error.Status}"));
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
            Assert.True(again && accepted.Equals(copy), Describe($"re-encoded accepted record does not decode to itself ({reencodedError})\n re-encoded: {Hex.Format(encoded)}"));
        }

        string Describe(string what) =>
            $"seed {seed}, iteration {iteration}, mutation '{Mutator.KindName(kind)}', {(enrp ? "ENRP" : "ASAP")}: {what}\n input: {Hex.Format(input)}";

        Exception Failure(string what, Exception exception) =>
            new Xunit.Sdk.XunitException(Describe($"{what}: {exception}"));
    }

    private static List<(bool Enrp, byte[] Bytes)> BuildCorpus(int seed)
    {
        var corpus = new List<(bool, byte[])>();
        foreach (string name in VectorFile.AllNames())
        {
            VectorFile vector = VectorFile.Load(name);
            corpus.Add((vector.IsEnrp, vector.Bytes));
        }

        var generator = new MessageGenerator(seed);
        foreach (var type in MessageGenerator.AsapTypes)
        {
            for (int i = 0; i < 10; i++)
            {
                corpus.Add((false, WireCodec.Encode(generator.NextAsap(type))));
            }
        }

        foreach (var type in MessageGenerator.EnrpTypes)
        {
            for (int i = 0; i < 10; i++)
            {
                corpus.Add((true, WireCodec.Encode(generator.NextEnrp(type))));
            }
        }

        return corpus;
    }
}
