using Xunit;

namespace RSerPool.Hosts.Tests.Support;

/// <summary>A fact that needs promtool; skipped with the reason when it is not installed (scripts/test.sh installs it).</summary>
public sealed class PromtoolFactAttribute : FactAttribute
{
    public PromtoolFactAttribute()
    {
        if (Promtool.Path is null)
        {
            Skip = "promtool not on PATH (install the Debian package prometheus; scripts/test.sh does)";
        }
    }
}
