using System.Globalization;
using System.Text;

namespace RSerPool.Wire.Tests.Support;

/// <summary>Hex text helpers for vectors and assertion messages.</summary>
public static class Hex
{
    /// <summary>Parses hex bytes separated by any whitespace (the vectors' .hex format).</summary>
    public static byte[] Parse(string text)
    {
        var digits = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                digits.Append(c);
            }
        }

        return Convert.FromHexString(digits.ToString());
    }

    /// <summary>Lowercase hex, one space between bytes.</summary>
    public static string Format(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length * 3);
        for (int i = 0; i < bytes.Length; i++)
        {
            if (i > 0)
            {
                text.Append(' ');
            }

            text.Append(bytes[i].ToString("x2", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
