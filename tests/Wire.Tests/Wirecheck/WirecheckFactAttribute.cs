using Xunit;

namespace RSerPool.Wire.Tests.Wirecheck;

/// <summary>
/// A <see cref="FactAttribute"/> that skips, with the reason in the test output, when wirecheck or the
/// Wireshark tools are missing (xunit 2.9 has no dynamic skip, so the decision is made here).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class WirecheckFactAttribute : FactAttribute
{
    public WirecheckFactAttribute()
    {
        if (WirecheckTool.WhyUnavailable is { } reason)
        {
            Skip = reason;
        }
    }
}
