using System.Collections;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Runtime.InteropServices;
using RSerPool.Wire;
using RSerPool.Wire.Parameters;

namespace RSerPool.Hosts.Commands.Decode;

/// <summary>
/// Turns a decoded wire record into a tree of named fields by walking its public properties, so that every field
/// of every message type is printed without a hand-written printer per type. Identifiers print in hex, policy
/// values by name (load values also as a percentage, docs/protocol-notes.md §13), byte strings as hex.
/// </summary>
public static class FieldTreeBuilder
{
    // Derived conveniences that repeat other fields.
    private static readonly HashSet<string> SkippedProperties = new(StringComparer.Ordinal)
    {
        "EqualityContract", "ParameterType", "ParameterLength", "IsKnownType", "IsEmpty", "Count", "IsPrintableAscii", "Length",
    };

    public static IReadOnlyList<FieldNode> Build(object record) => Properties(record);

    private static List<FieldNode> Properties(object record)
    {
        if (record is PoolMemberSelectionPolicy policy)
        {
            return PolicyFields(policy);
        }
        var nodes = new List<FieldNode>();
        if (record is TransportParameter transport)
        {
            // SCTP (0x0004), TCP (0x0005) and UDP transports have the same fields: the type tells them apart (RFC 5354 §3.3-§3.5).
            nodes.Add(Node("ParameterType", transport.ParameterType)!);
        }

        foreach (var property in record.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (SkippedProperties.Contains(property.Name) || property.GetIndexParameters().Length > 0
                || property.PropertyType.IsByRefLike || (property.Name == "Type" && property.PropertyType.IsEnum && record is not ErrorCause))
            {
                continue;
            }
            var value = property.GetValue(record);
            if (value is not null && Node(property.Name, value) is { } node)
            {
                nodes.Add(node);
            }
        }
        return nodes;
    }

    private static FieldNode? Node(string name, object value)
    {
        switch (value)
        {
            case bool b:
                return FieldNode.Scalar(name, b ? "true" : "false", b);
            case Enum e:
                var raw = Convert.ToUInt64(e, CultureInfo.InvariantCulture);
                var digits = Marshal.SizeOf(Enum.GetUnderlyingType(e.GetType())) * 2;
                var hex = "0x" + raw.ToString("x" + digits, CultureInfo.InvariantCulture);
                var label = Enum.IsDefined(e.GetType(), e) ? $"{e} ({hex})" : hex;
                return FieldNode.Scalar(name, label, Enum.IsDefined(e.GetType(), e) ? e.ToString() : hex);
            case uint or ushort or byte or int or long or ulong:
                var number = Convert.ToInt64(value, CultureInfo.InvariantCulture);
                if (IsIdentifier(name))
                {
                    var idHex = "0x" + number.ToString("x" + (Marshal.SizeOf(value.GetType()) * 2), CultureInfo.InvariantCulture);
                    return FieldNode.Scalar(name, idHex, idHex);
                }
                return FieldNode.Scalar(name, number.ToString(CultureInfo.InvariantCulture) + Unit(name), number);
            case string s:
                return FieldNode.Scalar(name, $"\"{s}\"", s);
            case PoolHandle handle:
                var handleHex = HexText.ToLowerHex(handle.Span);
                return FieldNode.Scalar(name, handle.IsPrintableAscii ? $"\"{handle}\" ({handleHex})" : handleHex,
                    handle.IsPrintableAscii ? handle.ToString() : handleHex);
            case IPAddress address:
                return FieldNode.Scalar(name, address.ToString(), address.ToString());
            case ValueArray<byte> bytes:
                var bytesHex = HexText.ToLowerHex(bytes.AsSpan());
                return FieldNode.Scalar(name, $"{bytesHex} ({bytes.Count} bytes)", bytesHex);
            case IEnumerable list:
                var items = new List<FieldNode>();
                int index = 0;
                foreach (var item in list)
                {
                    if (item is not null && Node($"{name}[{index}]", item) is { } child)
                    {
                        items.Add(child);
                    }
                    index++;
                }
                return FieldNode.Group(name, items, isList: true);
            default:
                return FieldNode.Group(name, Properties(value));
        }
    }

    private static List<FieldNode> PolicyFields(PoolMemberSelectionPolicy policy)
    {
        var nodes = new List<FieldNode> { Node("PolicyType", policy.Type)! };
        if (policy.IsKnownType)
        {
            foreach (var kind in Enum.GetValues<PolicyValueKind>())
            {
                if (policy.Get(kind) is { } v)
                {
                    var text = kind is PolicyValueKind.Load or PolicyValueKind.LoadDegradation
                        ? $"0x{v:x8} ({100.0 * v / uint.MaxValue:0.00} %)"
                        : kind is PolicyValueKind.Distance ? $"{v} ms" : v.ToString(CultureInfo.InvariantCulture);
                    nodes.Add(FieldNode.Scalar(kind.ToString(), text, (long)v));
                }
            }
        }
        if (!policy.TrailingBytes.IsEmpty)
        {
            nodes.Add(Node(policy.IsKnownType ? "ExtraBytes" : "OpaqueValue", policy.TrailingBytes)!);
        }
        return nodes;
    }

    private static bool IsIdentifier(string name) =>
        name.EndsWith("Id", StringComparison.Ordinal) || name.EndsWith("Identifier", StringComparison.Ordinal) || name == "Checksum";

    private static string Unit(string name) => name.Contains("Life", StringComparison.Ordinal) ? " ms" : "";
}
