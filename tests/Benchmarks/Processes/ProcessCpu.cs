using System.Globalization;

namespace RSerPool.Benchmarks.Processes;

/// <summary>CPU time of another process, from /proc.</summary>
public static class ProcessCpu
{
    /// <summary>utime + stime of the process (fields 14 and 15 of /proc/PID/stat, in clock ticks of 10 ms), in milliseconds.</summary>
    public static double Milliseconds(int pid)
    {
        string stat = File.ReadAllText($"/proc/{pid}/stat");
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10.0;
    }
}
