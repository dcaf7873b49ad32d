using Xunit;

namespace RSerPool.Hosts.Tests.Chaos;

/// <summary>
/// A fact that needs what scripts/chaos.sh needs (root, network namespaces, veth pairs, nftables, jq, curl). Where
/// they are missing the test is skipped with the script's reason, never passed silently.
/// </summary>
public sealed class ChaosFactAttribute : FactAttribute
{
    public ChaosFactAttribute()
    {
        if (ChaosScript.WhyNot is { } reason)
        {
            Skip = reason;
        }
    }
}
