using Akka.Configuration;
using RSerPool.Actors.Configuration;

namespace RSerPool.Hosts.Config;

/// <summary>A duration given on the command line (e.g. <c>--interval 5ms</c>), read as Akka's HOCON reads durations.</summary>
public static class DurationFlag
{
    /// <summary>The duration <paramref name="text"/> gives, zero or more; throws <see cref="RSerPoolConfigException"/> naming <paramref name="flag"/>.</summary>
    public static TimeSpan Parse(string text, string flag)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            var duration = ConfigurationFactory.ParseString($"d = {ConfigOverrides.Quote(text)}").GetTimeSpan("d", allowInfinite: false);
            if (duration >= TimeSpan.Zero)
            {
                return duration;
            }
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException or ConfigurationException)
        {
            // reported below
        }

        throw new RSerPoolConfigException(flag, $"{flag}: '{text}' is not a duration (e.g. 5ms, 2s)");
    }
}
