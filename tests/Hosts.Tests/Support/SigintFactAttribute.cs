using System.Globalization;
using Xunit;

namespace RSerPool.Hosts.Tests.Support;

/// <summary>
/// A fact that sends Ctrl-C (SIGINT) to a child process. A process started as a background job of a shell without job
/// control inherits SIGINT as ignored, and so would every child it starts: the Ctrl-C path cannot be exercised there,
/// and the test says so (skipped with this reason) instead of failing or passing silently.
/// </summary>
public sealed class SigintFactAttribute : FactAttribute
{
    public SigintFactAttribute()
    {
        if (SigintIgnored())
        {
            Skip = "SIGINT is ignored in this test process (started in the background without job control), so its children cannot receive Ctrl-C";
        }
    }

    // SigIgn in /proc/self/status is a hex mask; bit n-1 stands for signal n (SIGINT = 2).
    private static bool SigintIgnored()
    {
        const string Status = "/proc/self/status";
        if (!File.Exists(Status))
        {
            return false;
        }

        string? line = File.ReadLines(Status).FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null
            && ulong.TryParse(line["SigIgn:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out ulong mask)
            && (mask & (1UL << 1)) != 0;
    }
}
