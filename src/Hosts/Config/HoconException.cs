namespace RSerPool.Hosts.Config;

/// <summary>Bad configuration text or a missing/ill-typed key; names the source, line and key.</summary>
public sealed class HoconException(string message) : Exception(message);
