// CPU time of this process (clock_gettime(CLOCK_PROCESS_CPUTIME_ID), Linux): the handlespace comparison with RSPLIB
// counts CPU seconds on both sides, so that a busy shared machine (other processes taking the cores) does not
// decide the ratio. GC and JIT threads count too, which only makes our side look slower.
using System.Runtime.InteropServices;

namespace RSerPool.Benchmarks.Handlespace;

internal static class ProcessCpuClock
{
    private const int ClockProcessCpuTimeId = 2;

    /// <summary>Seconds of CPU this process has used.</summary>
    public static double Seconds
    {
        get
        {
            if (ClockGetTime(ClockProcessCpuTimeId, out TimeSpec now) != 0)
            {
                throw new InvalidOperationException("clock_gettime(CLOCK_PROCESS_CPUTIME_ID) failed");
            }

            return now.Seconds + (now.Nanoseconds / 1e9);
        }
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec value);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
