using System.Text;

namespace RSerPool.Actors.Kernel;

/// <summary>
/// The hierarchical name of an actor: <c>akka://system/user/parent/child</c> (Akka.NET's <c>ActorPath</c>).
/// Equality compares the elements and the address, never the incarnation uid.
/// </summary>
public sealed class ActorPath : IEquatable<ActorPath>, IComparable<ActorPath>
{
    private readonly string _address;

    private ActorPath(string address, ActorPath? parent, string name)
    {
        _address = address;
        Parent = parent;
        Name = name;
    }

    /// <summary>The parent path, or null for the root.</summary>
    public ActorPath? Parent { get; }

    /// <summary>The last element; empty for the root.</summary>
    public string Name { get; }

    /// <summary>The address of the system, e.g. <c>akka://sys</c>.</summary>
    public string Address => _address;

    /// <summary>The number of elements below the root.</summary>
    public int Depth => Parent is null ? 0 : Parent.Depth + 1;

    /// <summary>The elements below the root, outermost first.</summary>
    public IReadOnlyList<string> Elements
    {
        get
        {
            var elements = new string[Depth];
            var path = this;
            for (var i = elements.Length - 1; i >= 0; i--)
            {
                elements[i] = path!.Name;
                path = path.Parent;
            }

            return elements;
        }
    }

    /// <summary>The root path of a system address.</summary>
    public static ActorPath Root(string address) => new(address, null, string.Empty);

    /// <summary>The path of a child named <paramref name="name"/>.</summary>
    public ActorPath Child(string name) => new(_address, this, name);

    /// <summary>Same as <see cref="Child"/>.</summary>
    public static ActorPath operator /(ActorPath path, string name) => path.Child(name);

    public bool Equals(ActorPath? other)
    {
        var a = this;
        var b = other;
        while (true)
        {
            if (ReferenceEquals(a, b)) return true;
            if (a is null || b is null) return false;
            if (!string.Equals(a.Name, b.Name, StringComparison.Ordinal)) return false;
            if (a.Parent is null || b.Parent is null)
                return a.Parent is null && b.Parent is null && string.Equals(a._address, b._address, StringComparison.Ordinal);
            a = a.Parent;
            b = b.Parent;
        }
    }

    public override bool Equals(object? obj) => obj is ActorPath other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        for (var path = this; path is not null; path = path.Parent)
            hash.Add(path.Name, StringComparer.Ordinal);
        hash.Add(_address, StringComparer.Ordinal);
        return hash.ToHashCode();
    }

    public int CompareTo(ActorPath? other) =>
        other is null ? 1 : string.CompareOrdinal(ToString(), other.ToString());

    public override string ToString()
    {
        if (Parent is null) return _address + "/";
        var builder = new StringBuilder(_address);
        foreach (var element in Elements)
            builder.Append('/').Append(element);
        return builder.ToString();
    }

    public static bool operator ==(ActorPath? left, ActorPath? right) => Equals(left, right);

    public static bool operator !=(ActorPath? left, ActorPath? right) => !Equals(left, right);
}
