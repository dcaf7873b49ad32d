namespace RSerPool.Actors.Memory;

/// <summary>What <see cref="IdleMemoryTrimActor"/> reads and does; <see cref="ProcessMemoryGauge"/> in production, a fake in tests.</summary>
public interface IMemoryGauge
{
    /// <summary>Bytes allocated by the process since it started (only grows).</summary>
    long AllocatedBytes { get; }

    /// <summary>The process's resident memory in bytes.</summary>
    long ResidentBytes { get; }

    /// <summary>Collects every generation, compacts and gives the free memory back to the operating system.</summary>
    void Trim();
}
