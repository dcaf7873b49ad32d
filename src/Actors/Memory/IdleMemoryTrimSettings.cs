namespace RSerPool.Actors.Memory;

/// <summary>When an idle process gives memory back (<c>rserpool.registrar.idle-memory-trim</c> in hocon/reference.conf).</summary>
/// <param name="Enabled">False: the trim actor never collects.</param>
/// <param name="CheckInterval">How often allocation and resident memory are read.</param>
/// <param name="IdleAllocationRate">Bytes allocated per second below which the process counts as idle.</param>
/// <param name="MinGrowth">Fewest resident bytes above the level after the last trim (or at start) that make a trim worth it.</param>
/// <param name="MinGrowthRatio">
/// Growth as a share of that level that makes a trim worth it; the larger of this and <paramref name="MinGrowth"/>
/// counts, so a small process is held near its level and a large one (whose trims pause longer) trims less often.
/// </param>
public sealed record IdleMemoryTrimSettings(bool Enabled, TimeSpan CheckInterval, long IdleAllocationRate, long MinGrowth, double MinGrowthRatio = 0)
{
    public static readonly IdleMemoryTrimSettings Default = new(true, TimeSpan.FromSeconds(5), 1L << 20, 8L << 20, 0.1);

    /// <summary>Resident bytes above <paramref name="level"/> from which a trim is worth it.</summary>
    public long GrowthWorthTrimming(long level) => Math.Max(MinGrowth, (long)(MinGrowthRatio * level));
}
