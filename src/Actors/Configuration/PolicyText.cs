using System.Globalization;
using RSerPool.Wire;
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Configuration;

/// <summary>
/// Reads a pool member selection policy (RFC 5356) from text: the policy's name (case-insensitive, with or without
/// dashes: RoundRobin, least-used, ...) and its values in the order RFC 5356 §3-§4 define them, after colons, e.g.
/// <c>WeightedRoundRobin:5</c>, <c>Priority:2</c>, <c>LeastUsedWithDegradation:0:10</c>. Missing trailing values are 0
/// (a load starts at 0), except a weight: a weighted policy needs one of at least 1 (weight 0 would never be selected).
/// </summary>
public static class PolicyText
{
    /// <summary>The policy <paramref name="text"/> names; throws <see cref="RSerPoolConfigException"/> for an unknown name or bad values.</summary>
    public static PoolMemberSelectionPolicy Parse(string text) => Parse(text, "--policy");

    /// <summary>The same, naming <paramref name="key"/> (a flag or configuration key) in the error.</summary>
    public static PoolMemberSelectionPolicy Parse(string text, string key)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(key);
        var parts = text.Split(':');
        var name = parts[0].Replace("-", "", StringComparison.Ordinal);
        if (!Enum.TryParse<PolicyType>(name, ignoreCase: true, out var type) || int.TryParse(name, out _)
            || !PolicyLayout.TryGet(type, out var layout))
        {
            throw new RSerPoolConfigException(key, $"{key}: unknown policy '{parts[0]}' (one of {string.Join(", ", KnownNames())})");
        }

        if (parts.Length - 1 > layout.Length)
        {
            throw new RSerPoolConfigException(key, $"{key}: policy {type} takes {layout.Length} value(s) ({string.Join(", ", layout.ToArray())}), got {parts.Length - 1}");
        }

        var values = new uint[layout.Length];
        for (int i = 1; i < parts.Length; i++)
        {
            if (!uint.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out values[i - 1]))
            {
                throw new RSerPoolConfigException(key, $"{key}: policy {type}: value '{parts[i]}' is not a 32-bit unsigned number");
            }
        }

        for (int i = 0; i < layout.Length; i++)
        {
            if (layout[i] == PolicyValueKind.Weight && values[i] == 0)
            {
                throw new RSerPoolConfigException(key, $"{key}: policy {type} needs a weight of at least 1, e.g. {type}:5");
            }
        }

        return new PoolMemberSelectionPolicy(type, ValueArray.Create<uint>(values));
    }

    /// <summary>The names of every policy this implementation knows (RFC 5356 §3-§4 and the extensions of RSPLIB).</summary>
    public static IEnumerable<string> KnownNames() =>
        Enum.GetValues<PolicyType>().Where(PolicyLayout.IsKnown).Select(t => t.ToString());
}
