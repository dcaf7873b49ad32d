using Akka.Configuration;
using Akka.Configuration.Hocon;
using RSerPool.Actors.Security;

namespace RSerPool.Actors.Configuration;

/// <summary>
/// Reads <c>rserpool.acl.rules</c> (hocon/reference.conf) into <see cref="AccessControl"/>: a list of objects
/// <c>{ identity = "pe-a", register = ["A*"], resolve = ["*"] }</c>. A bad rule throws
/// <see cref="RSerPoolConfigException"/> naming the key, e.g. <c>rserpool.acl.rules[0].register</c>.
/// </summary>
public static class AccessControlConfig
{
    private const string Key = "rserpool.acl.rules";

    private static readonly string[] Fields = ["identity", "register", "resolve"];

    public static AccessControl Read(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        HoconValue? value = config.HasPath(Key) ? config.GetValue(Key) : null;
        if (value is null || value.IsEmpty)
        {
            throw new RSerPoolConfigException(Key, $"missing configuration key '{Key}'");
        }

        if (!value.IsArray())
        {
            if (!value.IsObject() && value.GetString() is null or "" or "null")
            {
                return AccessControl.Open;
            }

            throw new RSerPoolConfigException(Key, $"configuration key '{Key}' must be a list of rules such as [{{ identity = \"pe-a\", register = [\"A*\"] }}]");
        }

        var rules = new List<AccessRule>();
        IList<HoconValue> items = value.GetArray();
        for (int i = 0; i < items.Count; i++)
        {
            rules.Add(ReadRule(items[i], $"{Key}[{i}]"));
        }

        return new AccessControl(rules);
    }

    private static AccessRule ReadRule(HoconValue item, string at)
    {
        if (!item.IsObject())
        {
            throw new RSerPoolConfigException(at, $"configuration key '{at}' must be a rule object {{ identity = ..., register = [...], resolve = [...] }}");
        }

        Dictionary<string, HoconValue> fields = item.GetObject().Items;
        foreach (string name in fields.Keys)
        {
            if (!Fields.Contains(name, StringComparer.Ordinal))
            {
                throw new RSerPoolConfigException($"{at}.{name}", $"unknown configuration key '{at}.{name}' (a rule has identity, register and resolve)");
            }
        }

        string identity = fields.TryGetValue("identity", out HoconValue? identityValue) && !identityValue.IsObject() && !identityValue.IsArray()
            ? identityValue.GetString()?.Trim() ?? ""
            : "";
        if (identity.Length == 0 || (identity.Contains('*', StringComparison.Ordinal) && identity != AccessRule.AnyAuthenticated))
        {
            throw new RSerPoolConfigException($"{at}.identity",
                $"configuration key '{at}.identity' must be a certificate CN or SAN name, \"{AccessRule.AnyAuthenticated}\" or \"{AccessRule.Anonymous}\"");
        }

        IReadOnlyList<string> register = Patterns(fields, "register", at);
        IReadOnlyList<string> resolve = Patterns(fields, "resolve", at);
        if (register.Count == 0 && resolve.Count == 0)
        {
            throw new RSerPoolConfigException(at, $"configuration key '{at}' grants nothing: give register and/or resolve pool patterns");
        }

        return new AccessRule(identity, register, resolve);
    }

    // Pool patterns: a handle, or a prefix ending in '*' ("*" = every pool); '*' elsewhere is a mistake.
    private static IReadOnlyList<string> Patterns(Dictionary<string, HoconValue> fields, string name, string at)
    {
        string key = $"{at}.{name}";
        if (!fields.TryGetValue(name, out HoconValue? value))
        {
            return [];
        }

        if (!value.IsArray())
        {
            throw new RSerPoolConfigException(key, $"configuration key '{key}' must be a list of pool handles or prefixes such as [\"EchoPool\", \"Echo*\"]");
        }

        var patterns = new List<string>();
        foreach (HoconValue element in value.GetArray())
        {
            string? pattern = element.IsObject() || element.IsArray() ? null : element.GetString();
            if (string.IsNullOrEmpty(pattern) || pattern.IndexOf('*', StringComparison.Ordinal) is int star && star >= 0 && star != pattern.Length - 1)
            {
                throw new RSerPoolConfigException(key,
                    $"configuration key '{key}': '{pattern}' is no pool pattern (a pool handle, or a prefix ending in '*')");
            }

            patterns.Add(pattern);
        }

        return patterns;
    }
}
