using System.Runtime.InteropServices;

namespace RSerPool.Actors.Memory;

/// <summary>
/// glibc's malloc_trim(3): gives the free pages of every malloc arena back to the system. The runtime, sockets and
/// native libraries allocate through malloc on many threads, and glibc keeps what they freed in per-thread arenas; a
/// managed collection does not touch it (docs/bench-registrar.md "Idle memory trim"). A no-op where there is no glibc.
/// </summary>
internal static partial class NativeHeapTrim
{
    private static bool _unavailable = !OperatingSystem.IsLinux();

    /// <summary>True when glibc gave memory back.</summary>
    public static bool Run()
    {
        if (_unavailable)
        {
            return false;
        }

        try
        {
            return MallocTrim(0) != 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            _unavailable = true;   // musl and others: no malloc_trim
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);
}
