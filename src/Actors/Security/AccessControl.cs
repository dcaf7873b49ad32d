using RSerPool.Actors.Transport;
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Security;

/// <summary>
/// Per-pool access control (issue 17; <c>rserpool.acl</c> in hocon/reference.conf; docs/security.md): with no rules
/// everyone may register and resolve every pool (as before); with rules, an association may do what one of the rules
/// matching its identity grants, and nothing else. An association without an identity (plaintext, no client
/// certificate) matches only rules for <see cref="AccessRule.Anonymous"/>: with rules set it is denied unless one
/// allows it (RFC 5355 §2.4: unauthorized registrations).
/// </summary>
public sealed class AccessControl
{
    public AccessControl(IReadOnlyList<AccessRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Rules = rules;
        IsOpen = rules.Count == 0;
    }

    /// <summary>No rules: everything allowed.</summary>
    public static AccessControl Open { get; } = new([]);

    public IReadOnlyList<AccessRule> Rules { get; }

    /// <summary>True when there are no rules (every request is allowed without a look at the identity).</summary>
    public bool IsOpen { get; }

    /// <summary>Whether <paramref name="identity"/> (null: none) may do <paramref name="right"/> on <paramref name="poolHandle"/>.</summary>
    public bool Allows(AssociationIdentity? identity, AccessRight right, PoolHandle poolHandle)
    {
        if (IsOpen)
        {
            return true;
        }

        foreach (AccessRule rule in Rules)
        {
            if (rule.Matches(identity) && rule.Grants(right, poolHandle))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How an identity is named in logs: its CN, else its first SAN name, else <c>anonymous</c>.</summary>
    public static string NameOf(AssociationIdentity? identity) =>
        identity?.CommonName ?? identity?.Names.FirstOrDefault() ?? AccessRule.Anonymous;
}
