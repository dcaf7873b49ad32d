namespace RSerPool.Wire.Tests.Vectors;

/// <summary>
/// One line of a vector's field-by-field explanation (<c>*.txt</c>): a field with the bytes it covers, or
/// (when <see cref="IsParameterStart"/>) the bracketed start of a parameter or error cause.
/// </summary>
/// <param name="Depth">Nesting depth: the number of ". " marks in front of the name.</param>
/// <param name="Offset">Byte offset of the field, or -1 for a bracket line.</param>
public sealed record VectorField(int Depth, int Offset, byte[] Bytes, string Name, string Meaning)
{
    public bool IsParameterStart => Name.StartsWith('[');

    public bool IsContinuation => Name == "(continued)";
}
