using Akka.Actor;
using Akka.Event;
using Akka.Hosting;
using RSerPool.Actors.Configuration;
using RSerPool.Actors.Registrar;
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Api;

/// <summary>Akka.Hosting builder methods: RSerPool in a hosted application's actor system (see <see cref="RSerPoolExtension"/>).</summary>
public static class RSerPoolHostingExtensions
{
    /// <summary>
    /// Adds RSerPool to the system: the defaults of <see cref="RSerPoolConfig.Library"/> (the <c>rserpool</c> section and
    /// the Hyperion binding of RSerPool's messages) as fallback, and <paramref name="node"/> (registrars to use, PU cache,
    /// timeouts) for its node when given; otherwise the node reads the <c>rserpool</c> HOCON section.
    /// </summary>
    public static AkkaConfigurationBuilder WithRSerPool(this AkkaConfigurationBuilder builder, RSerPoolNodeOptions? node = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddHocon(RSerPoolConfig.Library, HoconAddMode.Append);
        if (node is not null)
            builder.AddSetup(new RSerPoolSetup(node));
        return builder;
    }

    /// <summary>Starts a registrar with <paramref name="settings"/> at startup; its actor is registered as <see cref="RSerPoolRegistrarKey"/>.</summary>
    public static AkkaConfigurationBuilder WithRSerPoolRegistrar(this AkkaConfigurationBuilder builder, RegistrarSettings settings)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        return builder.AddStartup(async (system, registry) =>
        {
            var registrar = await RSerPoolExtension.Get(system).StartRegistrarAsync(settings).ConfigureAwait(false);
            registry.Register<RSerPoolRegistrarKey>(registrar.Actor);
        });
    }

    /// <summary>
    /// Registers the actor registered in the Akka.Hosting registry as <typeparamref name="TKey"/> as a PE of
    /// <paramref name="pool"/> at startup (see <see cref="RSerPoolExtension.RegisterActorAsync"/>); logs
    /// <c>PE 0x… ready in pool …</c> once the registrar accepted it.
    /// </summary>
    public static AkkaConfigurationBuilder WithPoolElementActor<TKey>(this AkkaConfigurationBuilder builder, PoolHandle pool, PoolElementActorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddStartup(async (system, registry) =>
        {
            IActorRef actor = await registry.GetAsync<TKey>().ConfigureAwait(false);
            var registration = await RSerPoolExtension.Get(system).RegisterActorAsync(pool, actor, options).ConfigureAwait(false);
            system.Log.Info("PE 0x{Identifier:x8} ready in pool {Pool}: actor {Actor} serving on TCP {EndPoint}",
                registration.Identifier, pool, actor.Path, registration.LocalEndPoint);
        });
    }
}
