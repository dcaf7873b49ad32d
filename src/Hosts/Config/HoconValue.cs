namespace RSerPool.Hosts.Config;

/// <summary>A parsed HOCON value: an object, a list, or a scalar kept as its source text.</summary>
public abstract record HoconValue(int Line);
