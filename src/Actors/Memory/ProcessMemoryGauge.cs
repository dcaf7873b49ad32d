// Issue 14 item 3: the managed heap grows while PEs are registered or requests flood in, and the GC only runs when
// something allocates. An idle registrar therefore keeps what its last busy period left behind until a collection
// with GCCollectionMode.Aggressive compacts the heap and decommits the free regions; glibc's arenas keep what native
// code freed until malloc_trim gives it back.
using System.Runtime;

namespace RSerPool.Actors.Memory;

/// <summary>
/// This process's memory, read from the runtime; <see cref="Trim"/> is a blocking, compacting, aggressive full GC
/// followed by a trim of the native heap.
/// </summary>
public sealed class ProcessMemoryGauge : IMemoryGauge
{
    public static readonly ProcessMemoryGauge Instance = new();

    private ProcessMemoryGauge()
    {
    }

    public long AllocatedBytes => GC.GetTotalAllocatedBytes(precise: false);

    public long ResidentBytes => Environment.WorkingSet;

    public void Trim()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        NativeHeapTrim.Run();
    }
}
