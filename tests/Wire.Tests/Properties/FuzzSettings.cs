using System.Globalization;
using FsCheck;

namespace RSerPool.Wire.Tests.Properties;

/// <summary>
/// Sizes and seeds of the FsCheck property runs. The default suite is deterministic: every property replays a fixed
/// seed (<see cref="FuzzPropertyAttribute"/>). scripts/fuzz-soak.sh raises the counts and moves the seeds through
/// environment variables.
/// </summary>
public static class FuzzSettings
{
    /// <summary>Mutated inputs of the mutation property (default 1,000,000); every property's case count scales by
    /// this over the default.</summary>
    public const string IterationsVariable = "RSERPOOL_FUZZ_ITERATIONS";

    /// <summary>Added to every property's seed, so a soak run explores new inputs (default 0).</summary>
    public const string SeedVariable = "RSERPOOL_FUZZ_SEED";

    /// <summary>The seed of the fresh-seed run (default: <see cref="SeedVariable"/>, else new per run);
    /// scripts/test.sh picks and prints one.</summary>
    public const string FreshSeedVariable = "RSERPOOL_FUZZ_FRESH_SEED";

    public const long DefaultMutatedInputs = 1_000_000;

    // FsCheck's Rnd (SplitMix) wants an odd gamma; this is its own default, the golden gamma.
    private const ulong Gamma = 0x9e3779b97f4a7c15;

    public static int SeedOffset { get; } = (int)ReadLong(SeedVariable, 0);

    /// <summary>
    /// The seed offset of the fresh-seed run: <see cref="FreshSeedVariable"/> or <see cref="SeedVariable"/> when set (to
    /// replay a run), otherwise a new one per test run, printed by the test that uses it so a failure can be replayed.
    /// </summary>
    public static int FreshSeed { get; } = (int)ReadLong(FreshSeedVariable, SeedOffset != 0 ? SeedOffset : Random.Shared.Next(1, int.MaxValue));

    /// <summary>Scale for the case counts: 1 by default, more when the mutation count is raised.</summary>
    public static int Scale { get; } = (int)Math.Max(1, ReadLong(IterationsVariable, DefaultMutatedInputs) / DefaultMutatedInputs);

    /// <summary>The FsCheck random state a property or a sample starts from.</summary>
    public static Rnd RndFor(int seed) => RndFor(seed, SeedOffset);

    /// <summary>The random state of <paramref name="seed"/> moved by <paramref name="offset"/>.</summary>
    public static Rnd RndFor(int seed, int offset) => new(unchecked((ulong)(seed + offset)), Gamma);

    /// <summary>The same state as FsCheck.Xunit's Replay text, "(seed,gamma)".</summary>
    public static string ReplayFor(int seed)
    {
        Rnd rnd = RndFor(seed);
        return string.Create(CultureInfo.InvariantCulture, $"({rnd.Seed},{rnd.Gamma})");
    }

    private static long ReadLong(string variable, long fallback)
    {
        string? text = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return long.TryParse(text.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out long value) && value > 0
            ? value
            : throw new InvalidOperationException($"{variable}={text} is not a positive integer");
    }
}
