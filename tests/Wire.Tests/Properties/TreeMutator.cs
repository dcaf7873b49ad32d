namespace RSerPool.Wire.Tests.Properties;

/// <summary>
/// Mutations of a message's parameter tree (<see cref="TlvMessage"/>): parameters wrapped in others, nested past the
/// decoder's depth limit, moved up or into another container, duplicated, removed, unknown parameters with each of the
/// four action bit pairs (RFC 5354 §3) inserted at any depth, types changed, one Length field made to lie, a container's
/// fixed part cut or extended, unknown message types and flags, one parameter grown until the message is near its 64 KiB
/// limit (answers that echo it must still fit). All other lengths are written consistent again, so the
/// damage reaches the check at its own depth.
/// </summary>
public sealed class TreeMutator
{
    public const int KindCount = 12;

    // Containers a parameter may be wrapped in: SCTP and TCP transports, Pool Element, Server Information, Operation Error.
    private static readonly (ushort Type, int Fixed)[] Containers = [(0x0004, 4), (0x0005, 4), (0x000A, 12), (0x000B, 4), (0x000C, 0)];

    private readonly Random _random;

    public TreeMutator(Random random) => _random = random;

    public static string KindName(int kind) => kind switch
    {
        0 => "wrap a parameter in another",
        1 => "nest a parameter deeply",
        2 => "move a nested parameter up",
        3 => "move a parameter into another",
        4 => "duplicate a parameter",
        5 => "remove a parameter",
        6 => "insert an unknown parameter",
        7 => "change a parameter type",
        8 => "make one Length field lie",
        9 => "cut or extend a fixed part",
        10 => "change the message type or flags",
        _ => "grow a parameter to the message limit",
    };

    /// <summary>The mutated message, or null when <paramref name="source"/> has no parameter tree to work on.</summary>
    public byte[]? Mutate(byte[] source, int kind)
    {
        TlvMessage? message = TlvMessage.Parse(source);
        if (message is null)
        {
            return null;
        }

        var nodes = message.AllNodes();
        if (nodes.Count == 0 && kind is not (6 or 10 or 11))
        {
            kind = 6;
        }

        switch (kind)
        {
            case 0:
                Wrap(nodes, 1);
                break;
            case 1:
                Wrap(nodes, _random.Next(2, 13));
                break;
            case 2:
                MoveUp(message);
                break;
            case 3:
                MoveInto(message, nodes);
                break;
            case 4:
                Duplicate(nodes);
                break;
            case 5:
                var (removed, list) = Pick(nodes);
                list.Remove(removed);
                break;
            case 6:
                List<List<TlvNode>> lists = message.AllLists();
                List<TlvNode> target = lists[_random.Next(lists.Count)];
                target.Insert(_random.Next(target.Count + 1), TlvNode.Leaf(UnknownType(), RandomBytes(_random.Next(0, 13))));
                break;
            case 7:
                TlvNode retyped = Pick(nodes).Node;
                retyped.Type = OtherType(retyped.Type);
                break;
            case 8:
                TlvNode liar = Pick(nodes).Node;
                if (_random.Next(2) == 0)
                {
                    liar.LengthDelta = _random.Next(1, 9) * (_random.Next(2) == 0 ? -1 : 1);
                }
                else
                {
                    liar.LengthOverride = _random.Next(3) switch
                    {
                        0 => _random.Next(0, 4), // below the TLV header
                        1 => 0xFFFF,
                        _ => _random.Next(0x10000),
                    };
                }

                break;
            case 9:
                CutOrExtendFixed(message, nodes);
                break;
            case 10:
                ChangeMessageType(message);
                break;
            default:
                Grow(message, nodes);
                break;
        }

        return message.ToBytes();
    }

    private (TlvNode Node, List<TlvNode> Siblings) Pick(List<(TlvNode Node, List<TlvNode> Siblings)> nodes) => nodes[_random.Next(nodes.Count)];

    private void Wrap(List<(TlvNode Node, List<TlvNode> Siblings)> nodes, int times)
    {
        var (node, siblings) = Pick(nodes);
        int index = siblings.IndexOf(node);
        TlvNode wrapped = node;
        for (int i = 0; i < times; i++)
        {
            var (type, fixedLength) = _random.Next(6) == 0 ? (UnknownType(), 0) : Containers[_random.Next(Containers.Length)];
            wrapped = TlvNode.Container(type, RandomBytes(fixedLength), [wrapped]);
        }

        siblings[index] = wrapped;
    }

    private void MoveUp(TlvMessage message)
    {
        // a child and the list its parent stands in
        var nested = new List<(TlvNode Child, TlvNode Parent, List<TlvNode> Above)>();
        foreach (var (node, siblings) in message.AllNodes())
        {
            foreach (TlvNode child in node.Children ?? [])
            {
                nested.Add((child, node, siblings));
            }
        }

        if (nested.Count == 0)
        {
            message.Parameters.Insert(0, message.Parameters[_random.Next(message.Parameters.Count)].DeepCopy());
            return;
        }

        var (moved, parent, above) = nested[_random.Next(nested.Count)];
        parent.Children!.Remove(moved);
        above.Insert(_random.Next(above.Count + 1), moved);
    }

    private void MoveInto(TlvMessage message, List<(TlvNode Node, List<TlvNode> Siblings)> nodes)
    {
        var (moved, siblings) = Pick(nodes);
        var targets = message.AllLists().Where(list => !moved.SelfAndDescendants().Any(node => ReferenceEquals(node.Children, list))).ToList();
        siblings.Remove(moved);
        List<TlvNode> target = targets[_random.Next(targets.Count)];
        target.Insert(_random.Next(target.Count + 1), moved);
    }

    private void Duplicate(List<(TlvNode Node, List<TlvNode> Siblings)> nodes)
    {
        var (node, siblings) = Pick(nodes);
        // mostly one copy; sometimes enough to pass a per-parameter limit (64 addresses per transport)
        int copies = _random.Next(8) == 0 ? _random.Next(60, 80) : 1;
        for (int i = 0; i < copies; i++)
        {
            siblings.Insert(siblings.IndexOf(node) + 1, node.DeepCopy());
        }
    }

    private void CutOrExtendFixed(TlvMessage message, List<(TlvNode Node, List<TlvNode> Siblings)> nodes)
    {
        var containers = nodes.Where(entry => entry.Node.Children is not null).Select(entry => entry.Node).ToList();
        if (containers.Count == 0 || _random.Next(4) == 0)
        {
            message.Fixed = Resize(message.Fixed);
            return;
        }

        TlvNode container = containers[_random.Next(containers.Count)];
        container.Fixed = Resize(container.Fixed);

        byte[] Resize(byte[] bytes) => _random.Next(2) == 0 && bytes.Length > 0
            ? bytes[.._random.Next(bytes.Length)]
            : [.. bytes, .. RandomBytes(_random.Next(1, 9))];
    }

    // A leaf (or a new unknown parameter) grown so the message ends 0-12 bytes short of 65532, the largest Message
    // Length that is a multiple of 4; 1 time in 2 a smaller size, 1-8 KiB.
    private void Grow(TlvMessage message, List<(TlvNode Node, List<TlvNode> Siblings)> nodes)
    {
        var leaves = nodes.Where(entry => entry.Node.Children is null).Select(entry => entry.Node).ToList();
        TlvNode leaf;
        if (leaves.Count == 0 || _random.Next(3) == 0)
        {
            leaf = TlvNode.Leaf(UnknownType(), []);
            List<List<TlvNode>> lists = message.AllLists();
            List<TlvNode> target = lists[_random.Next(lists.Count)];
            target.Insert(_random.Next(target.Count + 1), leaf);
        }
        else
        {
            leaf = leaves[_random.Next(leaves.Count)];
        }

        int size = message.ToBytes().Length;
        int wanted = _random.Next(2) == 0 ? 65532 - (4 * _random.Next(4)) : _random.Next(1024, 8193);
        if (wanted > size)
        {
            byte[] grown = new byte[leaf.Value.Length + (wanted - size)];
            leaf.Value.CopyTo(grown, 0);
            _random.NextBytes(grown.AsSpan(leaf.Value.Length, Math.Min(16, grown.Length - leaf.Value.Length)));
            leaf.Value = grown;
        }
    }

    private void ChangeMessageType(TlvMessage message)
    {
        switch (_random.Next(3))
        {
            case 0:
                message.MessageType = (byte)_random.Next(0x0F, 0x100); // unknown to both protocols
                break;
            case 1:
                message.MessageType = (byte)_random.Next(0, 0x0F);     // another type, maybe the other protocol's
                break;
            default:
                message.Flags ^= (byte)(1 << _random.Next(8));
                break;
        }
    }

    // An identifier no RFC 5354 parameter uses (0x803F is RSPLIB's Handle Resolution Option), under random action bits.
    private ushort UnknownType()
    {
        int identifier;
        do
        {
            identifier = _random.Next(0x10, 0x4000);
        }
        while (identifier == 0x3F);
        return (ushort)((_random.Next(4) << 14) | identifier);
    }

    private ushort OtherType(ushort type) => _random.Next(3) switch
    {
        0 => (ushort)((type & 0x3FFF) | (((type >> 14) + _random.Next(1, 4)) % 4 << 14)), // same identifier, other action bits
        1 => UnknownType(),
        _ => (ushort)_random.Next(1, 0x10),
    };

    private byte[] RandomBytes(int count)
    {
        byte[] bytes = new byte[count];
        _random.NextBytes(bytes);
        return bytes;
    }
}
