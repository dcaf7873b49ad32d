using Akka.Actor;
using Akka.Configuration;
using RSerPool.Actors.Configuration;
using RSerPool.Hosts.Config;

namespace RSerPool.Hosts.Hosting;

/// <summary>Creates a host's actor system from the run's merged configuration (reference, --config files, flags).</summary>
public static class HostSystem
{
    /// <summary>The actor system; a configuration Akka refuses (e.g. an unknown logger type) is a <see cref="RSerPoolConfigException"/>.</summary>
    public static ActorSystem Create(string name, HostConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        try
        {
            return ActorSystem.Create(name, config.Config);
        }
        catch (Exception e) when (e is ConfigurationException or ArgumentException or TypeLoadException or InvalidOperationException)
        {
            throw new RSerPoolConfigException(null, $"the actor system refuses this configuration: {e.Message.ReplaceLineEndings(" ")}", e);
        }
    }
}
