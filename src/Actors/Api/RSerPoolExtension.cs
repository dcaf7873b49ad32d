using System.Collections.Concurrent;
using Akka;
using Akka.Actor;
using Akka.Serialization;
using RSerPool.Actors.Cluster;
using RSerPool.Actors.Configuration;
using RSerPool.Actors.Registrar;
using RSerPool.Wire.Parameters;
using RSerPool.Actors.Session;

namespace RSerPool.Actors.Api;

/// <summary>
/// RSerPool inside any Akka.NET actor system: <c>RSerPoolExtension.Get(system)</c> starts registrars, registers
/// application actors as pool elements, and opens pool-user sessions as actors. The node (registrar client and PU
/// resolver, actor <c>/user/rserpool-node</c>) starts on first use, configured by <see cref="RSerPoolSetup"/> or the
/// <c>rserpool</c> HOCON section (defaults: <see cref="RSerPoolConfig.Library"/>, injected as fallback); CoordinatedShutdown deregisters every PE the extension registered
/// (phase <c>service-unbind</c>) and stops the node.
/// </summary>
public sealed class RSerPoolExtension : IExtension
{
    private readonly ExtendedActorSystem _system;
    private readonly Lazy<Task<RSerPoolNode>> _node;
    private readonly ConcurrentDictionary<PoolElementActorRegistration, byte> _registrations = new();
    private readonly Lazy<IActorRef> _poolWatchers;
    private long _registrars;

    internal RSerPoolExtension(ExtendedActorSystem system)
    {
        _system = system;
        // The rserpool section's defaults (and the Hyperion binding) for a system created without them.
        system.Settings.InjectTopLevelFallback(RSerPoolConfig.Library);
        EnsureHyperionBinding(system);
        var setup = system.Settings.Setup.Get<RSerPoolSetup>();
        NodeOptions = (setup.HasValue ? setup.Value.Node : NodeConfig.Read(system.Settings.Config)) with { System = system };
        _node = new Lazy<Task<RSerPoolNode>>(() => RSerPoolNode.StartAsync(NodeOptions), LazyThreadSafetyMode.ExecutionAndPublication);
        _poolWatchers = new Lazy<IActorRef>(() => ClusterPoolWatch.IsClustered(system)
            ? ClusterPoolWatch.StartWatchers(system, PoolWatchConfig.Read(system.Settings.Config))
            : throw new InvalidOperationException("watching a pool needs cluster mode (akka.actor.provider = cluster; docs/cluster.md)"),
            LazyThreadSafetyMode.ExecutionAndPublication);
        CoordinatedShutdown.Get(system).AddTask(CoordinatedShutdown.PhaseServiceUnbind, "rserpool-deregister", async () =>
        {
            await StopAsync().ConfigureAwait(false);
            return Done.Instance;
        });
    }

    /// <summary>The options of this system's node.</summary>
    public RSerPoolNodeOptions NodeOptions { get; }

    /// <summary>The extension of <paramref name="system"/> (created on first call).</summary>
    public static RSerPoolExtension Get(ActorSystem system) => system.WithExtension<RSerPoolExtension, RSerPoolExtensionProvider>();

    /// <summary>This system's node: registrar client and PU resolver (started on first call).</summary>
    public Task<RSerPoolNode> GetNodeAsync() => _node.Value;

    /// <summary>Starts a registrar configured by the system's <c>rserpool.registrar</c> section (see the overload).</summary>
    public Task<RunningRegistrar> StartRegistrarAsync(string? name = null, CancellationToken cancellationToken = default) =>
        StartRegistrarAsync(RegistrarConfig.Read(_system.Settings.Config), name, cancellationToken);

    /// <summary>
    /// Starts a registrar (ENRP server) in this system as actor <c>/user/<paramref name="name"/></c> and waits until it
    /// serves ASAP (and ENRP, when configured); stopping that actor stops the registrar. Throws <see cref="RSerPoolException"/> when it cannot start.
    /// </summary>
    public async Task<RunningRegistrar> StartRegistrarAsync(RegistrarSettings settings, string? name = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var outcome = new TaskCompletionSource<RegistrarStarted>(TaskCreationOptions.RunContinuationsAsynchronously);
        var observer = _system.ActorOf(CallbackActor.Props(message =>
        {
            switch (message)
            {
                case RegistrarStarted started:
                    outcome.TrySetResult(started);
                    break;
                case RegistrarStartFailed failed:
                    outcome.TrySetException(new RSerPoolException($"registrar cannot start on {failed.AsapEndPoint}: {failed.Reason}"));
                    break;
            }
        }));
        long number = Interlocked.Increment(ref _registrars);
        var registrar = _system.ActorOf(RegistrarActor.Props(settings, observer), name ?? (number == 1 ? "rserpool-registrar" : $"rserpool-registrar-{number}"));
        try
        {
            var running = new RunningRegistrar(registrar, await outcome.Task.WaitAsync(cancellationToken).ConfigureAwait(false));
            if (number == 1)
            {
                // In cluster mode the first registrar's home PEs are published to pool watchers (docs/cluster.md "Membership watch").
                ClusterPoolWatch.StartPublisher(_system, registrar);
            }

            return running;
        }
        catch
        {
            _system.Stop(registrar);
            throw;
        }
        finally
        {
            _system.Stop(observer);
        }
    }

    /// <summary>
    /// Registers <paramref name="actor"/> as a PE of <paramref name="pool"/> (rsp_register): a user-transport server is
    /// started for it, each pool user's message reaches it as <see cref="PoolUserRequest"/> sent by the session, which
    /// takes <see cref="PoolElementReply"/> back to the pool user. When the actor terminates, the PE is deregistered.
    /// Returns once the registrar accepted the registration.
    /// </summary>
    public async Task<PoolElementActorRegistration> RegisterActorAsync(PoolHandle pool, IActorRef actor, PoolElementActorOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        options ??= PoolElementActorOptions.Default;
        var node = await GetNodeAsync().ConfigureAwait(false);
        uint identifier = options.Identifier != 0 ? options.Identifier : (uint)Random.Shared.NextInt64(1, 0x1_0000_0000);
        string prefix = $"rserpool-pe-{identifier:x8}";
        var service = new ActorPoolElementService(_system, actor, prefix);
        var server = await PoolElementServer.StartAsync(_system, options.Endpoint, service, options.Server, cancellationToken).ConfigureAwait(false);
        PoolElementRegistration registration;
        try
        {
            registration = await node.RegisterAsync(new PoolElementOptions(pool, server.ToUserTransport()) { Policy = options.Policy, Identifier = identifier }, cancellationToken)
                .ConfigureAwait(false);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var handle = new PoolElementActorRegistration(actor, server, registration, r => _registrations.TryRemove(r, out _));
        _registrations.TryAdd(handle, 0);
        _system.ActorOf(PoolElementActorGuard.Props(actor, () =>
        {
            service.MarkTargetTerminated();
            return handle.OnActorTerminatedAsync();
        }), $"{prefix}-guard");
        return handle;
    }

    /// <summary>
    /// Opens a pool-user session to <paramref name="pool"/> as an actor (rsp_connect): tell it <see cref="SendToPool"/>,
    /// <see cref="ForcePoolFailover"/> or <see cref="ClosePoolSession"/>; <paramref name="owner"/> gets
    /// <see cref="PoolSessionConnected"/>, every <see cref="PoolSessionMessage"/> from the PE, each
    /// <see cref="PoolSessionFailover"/> (before anything is resent to the new PE), <see cref="PoolSessionNotification"/>s
    /// and finally <see cref="PoolSessionClosed"/>. The session closes when the owner terminates.
    /// </summary>
    public async Task<IActorRef> OpenSessionAsync(PoolHandle pool, IActorRef owner, PoolSessionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var node = await GetNodeAsync().ConfigureAwait(false);
        return _system.ActorOf(PoolSessionProxyActor.Props(node.Resolver, pool, options ?? PoolSessionOptions.Default, owner));
    }

    /// <summary>
    /// Cluster mode: <paramref name="subscriber"/> gets the members of <paramref name="pool"/> (<see cref="PoolMembers"/>),
    /// then each change as it happens (<see cref="PoolChanged"/>: PE added, removed with its reason, policy/load changed),
    /// published by each PE's home registrar on any node of the cluster, until <see cref="UnwatchPool"/> or until the
    /// subscriber terminates (docs/cluster.md "Membership watch"). Throws <see cref="InvalidOperationException"/> when
    /// the system is not a cluster node.
    /// </summary>
    public void WatchPool(PoolHandle pool, IActorRef subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        _poolWatchers.Value.Tell(new WatchPool(pool, subscriber), ActorRefs.NoSender);
    }

    /// <summary>Ends the <see cref="WatchPool"/> of <paramref name="subscriber"/> on <paramref name="pool"/>.</summary>
    public void UnwatchPool(PoolHandle pool, IActorRef subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        _poolWatchers.Value.Tell(new UnwatchPool(pool, subscriber), ActorRefs.NoSender);
    }

    // Akka reads serialization-bindings once, when the system starts: a system created without RSerPoolConfig.Library
    // (or the Akka.Hosting builder) gets the binding of RSerPool's messages here.
    private static void EnsureHyperionBinding(ExtendedActorSystem system)
    {
        bool messages = system.Serialization.FindSerializerForType(typeof(IRSerPoolMessage)) is HyperionSerializer;
        bool clusterMessages = system.Serialization.FindSerializerForType(typeof(IRSerPoolClusterMessage)) is HyperionSerializer;
        if (messages && clusterMessages)
            return;
        var hyperion = new HyperionSerializer(system);
        system.Serialization.AddSerializer("hyperion", hyperion);
        if (!messages)
            system.Serialization.AddSerializationMap(typeof(IRSerPoolMessage), hyperion);
        if (!clusterMessages)
            system.Serialization.AddSerializationMap(typeof(IRSerPoolClusterMessage), hyperion);
    }

    private async Task StopAsync()
    {
        await Task.WhenAll(_registrations.Keys.Select(r => r.DisposeAsync().AsTask())).ConfigureAwait(false);
        if (_node.IsValueCreated && _node.Value.IsCompletedSuccessfully)
        {
            await _node.Value.Result.DisposeAsync().ConfigureAwait(false);
        }
    }
}
