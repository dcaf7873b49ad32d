namespace RSerPool.Hosts.Config;

/// <summary>A construct of a configuration file that Akka.NET's HOCON parser mishandles, with where it is.</summary>
/// <param name="Line">1-based line of the construct.</param>
/// <param name="Key">The key whose value it is, when known.</param>
/// <param name="Message">What is wrong and how to write it instead.</param>
public sealed record HoconPitfall(int Line, string? Key, string Message);
