using System.Globalization;

namespace RSerPool.Wire.Tests.Properties;

/// <summary>
/// Sizes of the property runs. The default suite is deterministic; scripts/fuzz-soak.sh raises the counts and
/// changes the seed through environment variables.
/// </summary>
public static class FuzzSettings
{
    /// <summary>Total mutated inputs over all seeds of the mutation property (default 1,000,000).</summary>
    public const string IterationsVariable = "RSERPOOL_FUZZ_ITERATIONS";

    /// <summary>Added to every seed, so a soak run explores new inputs (default 0).</summary>
    public const string SeedVariable = "RSERPOOL_FUZZ_SEED";

    public const long DefaultMutatedInputs = 1_000_000;

    public static long MutatedInputs { get; } = ReadLong(IterationsVariable, DefaultMutatedInputs);

    public static int SeedOffset { get; } = (int)ReadLong(SeedVariable, 0);

    /// <summary>Scale for the other properties: 1 by default, more when the mutation count is raised.</summary>
    public static int Scale { get; } = (int)Math.Max(1, MutatedInputs / DefaultMutatedInputs);

    public static int SeedFor(int baseSeed) => unchecked(baseSeed + SeedOffset);

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
