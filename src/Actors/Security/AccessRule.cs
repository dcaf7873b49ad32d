using System.Text;
using RSerPool.Actors.Transport;
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Security;

/// <summary>
/// One rule of <c>rserpool.acl.rules</c>: which pools an identity may register PEs in and which it may resolve.
/// <see cref="Identity"/> is a certificate's subject CN or one of its SAN names (exact, case-insensitive), <c>*</c> for
/// every authenticated identity, or <c>anonymous</c> for associations without one (plaintext). A pool pattern is a
/// handle (exact) or a prefix ending in <c>*</c> (<c>*</c> alone: every pool).
/// </summary>
public sealed class AccessRule
{
    /// <summary>The identity that stands for "no certificate" (a plaintext association).</summary>
    public const string Anonymous = "anonymous";

    /// <summary>The identity that stands for every authenticated identity.</summary>
    public const string AnyAuthenticated = "*";

    private readonly (byte[] Bytes, bool IsPrefix)[] _register;
    private readonly (byte[] Bytes, bool IsPrefix)[] _resolve;

    public AccessRule(string identity, IReadOnlyList<string> register, IReadOnlyList<string> resolve)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(identity);
        ArgumentNullException.ThrowIfNull(register);
        ArgumentNullException.ThrowIfNull(resolve);
        Identity = identity;
        Register = register;
        Resolve = resolve;
        _register = [.. register.Select(Compile)];
        _resolve = [.. resolve.Select(Compile)];
    }

    public string Identity { get; }

    /// <summary>Pool patterns this identity may register PEs in.</summary>
    public IReadOnlyList<string> Register { get; }

    /// <summary>Pool patterns this identity may resolve.</summary>
    public IReadOnlyList<string> Resolve { get; }

    /// <summary>Whether this rule speaks for <paramref name="identity"/> (null: no certificate).</summary>
    public bool Matches(AssociationIdentity? identity)
    {
        if (identity is null)
        {
            return Identity == Anonymous;
        }

        return Identity == AnyAuthenticated
            || string.Equals(identity.CommonName, Identity, StringComparison.OrdinalIgnoreCase)
            || identity.Names.Any(name => string.Equals(name, Identity, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Whether this rule grants <paramref name="right"/> on <paramref name="poolHandle"/>.</summary>
    public bool Grants(AccessRight right, PoolHandle poolHandle)
    {
        ReadOnlySpan<byte> handle = poolHandle.Span;
        foreach ((byte[] bytes, bool isPrefix) in right == AccessRight.Register ? _register : _resolve)
        {
            if (isPrefix ? handle.StartsWith(bytes) : handle.SequenceEqual(bytes))
            {
                return true;
            }
        }

        return false;
    }

    // Pool handles are bytes; the patterns are matched on their UTF-8 encoding (PoolHandle.FromString does the same).
    private static (byte[] Bytes, bool IsPrefix) Compile(string pattern) =>
        pattern.EndsWith('*') ? (Encoding.UTF8.GetBytes(pattern[..^1]), true) : (Encoding.UTF8.GetBytes(pattern), false);
}
