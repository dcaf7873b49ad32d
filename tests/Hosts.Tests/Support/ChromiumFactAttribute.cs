using Xunit;

namespace RSerPool.Hosts.Tests.Support;

/// <summary>A fact that drives Debian's chromium through Playwright; skipped with the reason when it is not installed (scripts/test.sh installs it).</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    /// <summary>Debian's chromium package: Playwright launches it by path (its own browsers cannot be downloaded here).</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ExecutablePath))
        {
            Skip = $"{ExecutablePath} not found (install the Debian package chromium; scripts/test.sh does)";
        }
    }
}
