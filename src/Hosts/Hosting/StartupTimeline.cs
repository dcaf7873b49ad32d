using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text;

namespace RSerPool.Hosts.Hosting;

/// <summary>
/// Where a host's start-up time goes (issue 14): marks taken on the way from <c>Main</c> to the ready line, described
/// in one log line with the time from the process's start to <c>Main</c> (runtime start; the kernel's process start
/// time, 10 ms resolution on Linux) and the JIT's share (<see cref="JitInfo"/>: methods compiled, time compiling, all
/// threads). A run of <see cref="Program.Run"/> starts a new timeline.
/// </summary>
public static class StartupTimeline
{
    private static readonly object Gate = new();
    private static readonly List<(string Phase, long Timestamp)> Marks = [];
    private static DateTime _mainWallClock;

    /// <summary>Starts the timeline: <c>Main</c> is now.</summary>
    public static void Begin()
    {
        lock (Gate)
        {
            Marks.Clear();
            Marks.Add(("main", Stopwatch.GetTimestamp()));
            _mainWallClock = DateTime.Now;
        }
    }

    /// <summary>Ends <paramref name="phase"/> now (it began where the previous one ended).</summary>
    public static void Mark(string phase)
    {
        lock (Gate)
        {
            if (Marks.Count > 0)
            {
                Marks.Add((phase, Stopwatch.GetTimestamp()));
            }
        }
    }

    /// <summary>
    /// E.g. "412 ms since Main (runtime start before Main 60 ms; command line 20, configuration 90, ...; JIT 3120 methods
    /// in 250 ms)", or null when <see cref="Begin"/> was not called.
    /// </summary>
    public static string? Describe()
    {
        lock (Gate)
        {
            if (Marks.Count == 0)
            {
                return null;
            }

            var text = new StringBuilder();
            var invariant = CultureInfo.InvariantCulture;
            long now = Stopwatch.GetTimestamp();
            text.Append(invariant, $"{Stopwatch.GetElapsedTime(Marks[0].Timestamp, now).TotalMilliseconds:F0} ms since Main (");
            if (RuntimeStart() is { } runtime)
            {
                text.Append(invariant, $"process start to Main {runtime.TotalMilliseconds:F0} ms; ");
            }

            for (int i = 1; i < Marks.Count; i++)
            {
                text.Append(invariant, $"{Marks[i].Phase} {Stopwatch.GetElapsedTime(Marks[i - 1].Timestamp, Marks[i].Timestamp).TotalMilliseconds:F0}, ");
            }

            text.Append(invariant, $"JIT {JitInfo.GetCompiledMethodCount()} methods in {JitInfo.GetCompilationTime().TotalMilliseconds:F0} ms)");
            return text.ToString();
        }
    }

    private static TimeSpan? RuntimeStart()
    {
        try
        {
            using var process = Process.GetCurrentProcess();
            TimeSpan runtime = _mainWallClock - process.StartTime;
            return runtime >= TimeSpan.Zero ? runtime : null;
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
