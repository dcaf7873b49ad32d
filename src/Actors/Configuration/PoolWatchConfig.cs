using Akka.Configuration;
using RSerPool.Actors.Cluster;

namespace RSerPool.Actors.Configuration;

/// <summary>Reads <c>rserpool.cluster.pool-watch.*</c> (and the registrar role) into <see cref="PoolWatchSettings"/>.</summary>
public static class PoolWatchConfig
{
    public static PoolWatchSettings Read(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        const string w = "rserpool.cluster.pool-watch";
        int maxBuffered = ConfigValues.Int(config, $"{w}.max-buffered-events");
        if (maxBuffered < 1)
        {
            throw new RSerPoolConfigException($"{w}.max-buffered-events", $"must be at least 1, not {maxBuffered}");
        }

        return new PoolWatchSettings(
            ConfigValues.String(config, "rserpool.cluster.registrar-role"),
            ConfigValues.PositiveDuration(config, $"{w}.snapshot-timeout"),
            ConfigValues.PositiveDuration(config, $"{w}.verify-interval"),
            ConfigValues.PositiveDuration(config, $"{w}.home-lost-grace"),
            maxBuffered);
    }
}
