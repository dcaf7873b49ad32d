using System.Globalization;
using RSerPool.Actors.Configuration;

namespace RSerPool.Hosts.Commands;

/// <summary>32-bit identifiers on the command line (server ids, PE ids): decimal or 0x-hex; absent = 0 (chosen at random).</summary>
public static class Identifiers
{
    public static uint Parse(string? text, string flag)
    {
        if (text is null)
        {
            return 0;
        }
        bool hex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        return uint.TryParse(hex ? text[2..] : text, hex ? NumberStyles.HexNumber : NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new RSerPoolConfigException(flag, $"{flag}: '{text}' is not a 32-bit number");
    }
}
