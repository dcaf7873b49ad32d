namespace RSerPool.Actors.Memory;

/// <summary>When an idle process gives memory back (<c>rserpool.registrar.idle-memory-trim</c> in hocon/reference.conf).</summary>
/// <param name="Enabled">False: the trim actor never collects.</param>
/// <param name="CheckInterval">How often allocation and resident memory are read.</param>
/// <param name="IdleAllocationRate">Bytes allocated per second below which the process counts as idle.</param>
/// <param name="MinGrowth">Resident bytes above the level after the last trim (or at start) that make a trim worth it.</param>
public sealed record IdleMemoryTrimSettings(bool Enabled, TimeSpan CheckInterval, long IdleAllocationRate, long MinGrowth)
{
    public static readonly IdleMemoryTrimSettings Default = new(true, TimeSpan.FromSeconds(5), 1L << 20, 32L << 20);
}
