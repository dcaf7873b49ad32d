namespace RSerPool.Hosts.Commands.Decode;

/// <summary>
/// One field of a decoded message, for printing: a scalar (<see cref="Text"/> for people, <see cref="JsonValue"/> for
/// JSON: string, long, ulong, bool) or a group of children (an object, or a list when <see cref="IsList"/>).
/// </summary>
public sealed record FieldNode(string Name, string? Text, object? JsonValue, IReadOnlyList<FieldNode> Children, bool IsList = false)
{
    public static FieldNode Scalar(string name, string text, object jsonValue) => new(name, text, jsonValue, []);

    public static FieldNode Group(string name, IReadOnlyList<FieldNode> children, bool isList = false) => new(name, null, null, children, isList);

    public bool IsScalar => Text is not null;
}
