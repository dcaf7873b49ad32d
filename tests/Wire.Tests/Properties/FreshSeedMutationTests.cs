using FsCheck;
using Microsoft.FSharp.Core;
using Xunit;
using Xunit.Abstractions;

namespace RSerPool.Wire.Tests.Properties;

// Issue 13: CI replays fixed seeds (MutationProperties), and every run also tries a new seed, printed here and in a
// failure, so what it finds can be replayed: RSERPOOL_FUZZ_FRESH_SEED=<seed> dotnet test tests/Wire.Tests --filter <this test>.
// scripts/test.sh picks the seed and prints it before the tests run.
public sealed class FreshSeedMutationTests(ITestOutputHelper output)
{
    /// <summary>Batches of <see cref="MutationProperties.InputsPerCase"/> inputs: 100,000 inputs a run.</summary>
    public const int Cases = 10_000;

    /// <summary>The seed of <see cref="MutationProperties"/>' property, which this one runs moved by the fresh seed.</summary>
    private const int PropertySeed = 101;

    [Fact]
    public void Mutated_messages_from_a_fresh_seed_only_ever_give_the_typed_error()
    {
        int seed = FuzzSettings.FreshSeed;
        string replay = $"{FuzzSettings.FreshSeedVariable}={seed} dotnet test tests/Wire.Tests -c Release --filter \"FullyQualifiedName~{nameof(FreshSeedMutationTests)}\"";
        output.WriteLine($"fuzz: fresh seed {seed}, {Cases * MutationProperties.InputsPerCase * FuzzSettings.Scale} inputs; replay: {replay}");
        Config config = Config.QuickThrowOnFailure
            .WithMaxTest(Cases * FuzzSettings.Scale)
            .WithQuietOnSuccess(true)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(FuzzSettings.RndFor(PropertySeed, seed), FSharpOption<int>.None)));
        try
        {
            Check.One(config, new MutationProperties().Mutated_messages_only_ever_give_the_typed_error());
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            throw new Xunit.Sdk.XunitException($"fresh seed {seed} failed; replay: {replay}\n{failure.Message}");
        }
    }
}
