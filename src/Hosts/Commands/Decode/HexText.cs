using System.Globalization;

namespace RSerPool.Hosts.Commands.Decode;

/// <summary>Hex text as operators paste it: whitespace and newlines ignored, optional 0x prefixes and # comments.</summary>
public static class HexText
{
    public static bool TryParse(string text, out byte[] bytes, out string error)
    {
        var digits = new List<char>(text.Length);
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine;
            int comment = line.IndexOf('#');
            if (comment >= 0)
            {
                line = line[..comment];
            }
            foreach (var token in line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                var t = token.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? token[2..] : token;
                foreach (char c in t)
                {
                    if (!char.IsAsciiHexDigit(c))
                    {
                        bytes = [];
                        error = $"not a hex digit: '{c}'";
                        return false;
                    }
                    digits.Add(c);
                }
            }
        }
        if (digits.Count % 2 != 0)
        {
            bytes = [];
            error = $"odd number of hex digits ({digits.Count})";
            return false;
        }
        bytes = new byte[digits.Count / 2];
        for (int i = 0; i < bytes.Length; i++)
        {
            bytes[i] = byte.Parse([digits[2 * i], digits[2 * i + 1]], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        }
        error = "";
        return true;
    }

    public static string ToLowerHex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);
}
