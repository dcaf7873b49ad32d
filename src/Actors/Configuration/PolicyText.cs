using System.Globalization;
using RSerPool.Wire;
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Configuration;

/// <summary>
/// Reads a pool member selection policy (RFC 5356) from text: the policy's name (case-insensitive, with or without
/// dashes: RoundRobin, least-used, ...) and its values in the order RFC 5356 §3-§4 define them, after colons, e.g.
/// <c>WeightedRoundRobin:5</c>, <c>Priority:2</c>, <c>LeastUsedWithDegradation:0:10</c>. Missing trailing values are 0
/// (a load starts at 0).
/// </summary>
public static class PolicyText
{
    /// <summary>The policy <paramref name="text"/> names; throws <see cref="RSerPoolConfigException"/> for an unknown name or bad values.</summary>
    public static PoolMemberSelectionPolicy Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(':');
        var name = parts[0].Replace("-", "", StringComparison.Ordinal);
        if (!Enum.TryParse<PolicyType>(name, ignoreCase: true, out var type) || int.TryParse(name, out _)
            || !PolicyLayout.TryGet(type, out var layout))
        {
            throw new RSerPoolConfigException(null, $"unknown policy '{parts[0]}' (one of {string.Join(", ", KnownNames())})");
        }

        if (parts.Length - 1 > layout.Length)
        {
            throw new RSerPoolConfigException(null, $"policy {type} takes {layout.Length} value(s) ({string.Join(", ", layout.ToArray())}), got {parts.Length - 1}");
        }

        var values = new uint[layout.Length];
        for (int i = 1; i < parts.Length; i++)
        {
            if (!uint.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out values[i - 1]))
            {
                throw new RSerPoolConfigException(null, $"policy {type}: value '{parts[i]}' is not a 32-bit unsigned number");
            }
        }

        return new PoolMemberSelectionPolicy(type, ValueArray.Create<uint>(values));
    }

    /// <summary>The names of every policy this implementation knows (RFC 5356 §3-§4 and the extensions of RSPLIB).</summary>
    public static IEnumerable<string> KnownNames() =>
        Enum.GetValues<PolicyType>().Where(PolicyLayout.IsKnown).Select(t => t.ToString());
}
