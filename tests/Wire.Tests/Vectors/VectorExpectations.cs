namespace RSerPool.Wire.Tests.Vectors;

/// <summary>
/// Turns a vector's explanation (<see cref="VectorDescription"/>) into the list of value fields a decoded
/// record must show, in wire order, with the names <see cref="RecordFields"/> uses. Framing-only fields
/// (parameter types and lengths, Message Length, padding, reserved bytes) are left out: byte-exact
/// re-encoding covers them. An error cause's information becomes one "Cause Information" field holding
/// the bytes of every line nested in the cause after its code and length.
/// </summary>
public static class VectorExpectations
{
    private static readonly HashSet<string> FramingFields =
        ["Parameter Type", "Parameter Length", "Message Length", "Cause Length", "Padding", "Reserved"];

    public static List<(string Name, string Value)> From(IReadOnlyList<VectorField> fields)
    {
        var expected = new List<(string Name, string Value)>();
        for (int i = 0; i < fields.Count; i++)
        {
            VectorField field = fields[i];
            if (field.Name == "[Error Cause]")
            {
                i = AddCause(fields, i, expected);
                continue;
            }

            if (field.IsParameterStart || FramingFields.Contains(field.Name))
            {
                continue;
            }

            expected.Add((field.Name, Convert.ToHexStringLower(field.Bytes)));
        }

        return expected;
    }

    // Returns the index of the cause's last line.
    private static int AddCause(IReadOnlyList<VectorField> fields, int start, List<(string Name, string Value)> expected)
    {
        int causeDepth = fields[start].Depth;
        var information = new List<byte>();
        int i = start + 1;
        for (; i < fields.Count && fields[i].Depth > causeDepth; i++)
        {
            VectorField field = fields[i];
            bool ownField = field.Depth == causeDepth + 1;
            if (ownField && field.Name == "Cause Code")
            {
                expected.Add(("Cause Code", Convert.ToHexStringLower(field.Bytes)));
            }
            else if (!(ownField && field.Name is "Cause Length" or "Padding"))
            {
                information.AddRange(field.Bytes);
            }
        }

        if (information.Count > 0)
        {
            expected.Add(("Cause Information", Convert.ToHexStringLower(information.ToArray())));
        }

        return i - 1;
    }
}
