using FsCheck.Xunit;

namespace RSerPool.Wire.Tests.Properties;

/// <summary>
/// An FsCheck.Xunit property that replays a fixed seed, so CI runs the same cases every time, and runs
/// <see cref="Cases"/> times <see cref="FuzzSettings.Scale"/> cases. On a failure FsCheck prints the seed, the
/// original and the shrunk counterexample; to rerun just the failing case, add the "(seed,gamma,size)" it prints after
/// "Replay directly at failing step with" as <c>Replay = "..."</c> to the attribute (a named argument overrides
/// the fixed seed).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class FuzzPropertyAttribute : PropertyAttribute
{
    public FuzzPropertyAttribute(int cases, int seed)
    {
        Cases = cases;
        Seed = seed;
        MaxTest = checked(cases * FuzzSettings.Scale);
        Replay = FuzzSettings.ReplayFor(seed);
    }

    /// <summary>Cases of a default (unscaled) run.</summary>
    public int Cases { get; }

    public int Seed { get; }
}
