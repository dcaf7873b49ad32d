namespace RSerPool.Hosts.Config;

/// <summary>A HOCON array.</summary>
public sealed record HoconList(IReadOnlyList<HoconValue> Items, int Line) : HoconValue(Line);
