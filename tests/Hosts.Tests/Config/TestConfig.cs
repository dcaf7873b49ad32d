using Akka.Configuration;
using RSerPool.Actors.Configuration;

namespace RSerPool.Hosts.Tests.Config;

/// <summary>Configurations for the reader tests: HOCON text over hocon/reference.conf, as a host merges a --config file.</summary>
internal static class TestConfig
{
    public static Akka.Configuration.Config Reference => RSerPoolConfig.Default;

    public static Akka.Configuration.Config With(string hocon) => ConfigurationFactory.ParseString(hocon).WithFallback(RSerPoolConfig.Default);

    /// <summary>A temporary file holding <paramref name="text"/>, deleted on dispose.</summary>
    public static TempFile File(string text) => new(text);
}
