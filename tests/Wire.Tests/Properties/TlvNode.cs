namespace RSerPool.Wire.Tests.Properties;

/// <summary>
/// One parameter of a message taken apart by <see cref="TlvMessage"/> (RFC 5354 §2-§3): its type, the fixed fields of
/// a parameter that contains others (a transport's port, a Pool Element's identifiers), and either its children or,
/// for a leaf, its value. <see cref="LengthDelta"/> and <see cref="LengthOverride"/> make the Length field lie while
/// the bytes stay as they are; every other length is computed again when the message is written, so a mutation reaches the decoder's checks
/// at the depth where it was made rather than failing at the message's outer length.
/// </summary>
public sealed class TlvNode
{
    public TlvNode(ushort type, byte[] fixedPart, List<TlvNode>? children, byte[] value)
    {
        Type = type;
        Fixed = fixedPart;
        Children = children;
        Value = value;
    }

    public ushort Type { get; set; }

    /// <summary>Fixed fields before the children of a container; empty for a leaf.</summary>
    public byte[] Fixed { get; set; }

    /// <summary>Nested parameters, or null for a leaf.</summary>
    public List<TlvNode>? Children { get; set; }

    /// <summary>A leaf's value (without padding).</summary>
    public byte[] Value { get; set; }

    public int LengthDelta { get; set; }

    /// <summary>When set, the Length field written instead of the true one.</summary>
    public int? LengthOverride { get; set; }

    public static TlvNode Leaf(ushort type, byte[] value) => new(type, [], null, value);

    public static TlvNode Container(ushort type, byte[] fixedPart, List<TlvNode> children) => new(type, fixedPart, children, []);

    public TlvNode DeepCopy() =>
        new(Type, (byte[])Fixed.Clone(), Children?.Select(child => child.DeepCopy()).ToList(), (byte[])Value.Clone()) { LengthDelta = LengthDelta, LengthOverride = LengthOverride };

    /// <summary>This node and every node below it, depth first.</summary>
    public IEnumerable<TlvNode> SelfAndDescendants()
    {
        yield return this;
        foreach (TlvNode child in Children ?? [])
        {
            foreach (TlvNode node in child.SelfAndDescendants())
            {
                yield return node;
            }
        }
    }

    /// <summary>Type, Length (content + 4, plus <see cref="LengthDelta"/>), content, padding to 4 (RFC 5354 §3).</summary>
    public void WriteTo(List<byte> output)
    {
        int start = output.Count;
        output.AddRange([(byte)(Type >> 8), (byte)Type, 0, 0]);
        if (Children is null)
        {
            output.AddRange(Value);
        }
        else
        {
            output.AddRange(Fixed);
            foreach (TlvNode child in Children)
            {
                child.WriteTo(output);
            }
        }

        int length = LengthOverride ?? (output.Count - start + LengthDelta);
        output[start + 2] = (byte)(length >> 8);
        output[start + 3] = (byte)length;
        while ((output.Count - start) % 4 != 0)
        {
            output.Add(0);
        }
    }
}
