namespace RSerPool.Hosts.Config;

/// <summary>A scalar (string, number, boolean, duration, null) kept as text; typed on read.</summary>
public sealed record HoconScalar(string Text, bool WasQuoted, int Line) : HoconValue(Line)
{
    public bool IsNull => !WasQuoted && Text == "null";
}
