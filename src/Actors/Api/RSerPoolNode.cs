// The application's RSerPool node (issue 5 "The C# API"; sockets API draft rsp_initialize / rsp_cleanup,
// rsp_register / rsp_deregister, rsp_getaddrinfo, rsp_getpoolinfo, rsp_reportfailure; services draft §4.4 basic mode).
using System.Collections.Concurrent;
using System.Collections.Immutable;
using Akka.Actor;
using Akka.Actor.Setup;
using RSerPool.Actors.Time;
using RSerPool.Actors.PoolElements;
using RSerPool.Actors.PoolUser;
using RSerPool.Wire.Parameters;
using RSerPool.Actors.RegistrarClient;

namespace RSerPool.Actors.Api;

/// <summary>
/// One per process: the actor system (created or given), the shared registrar client and PU resolver, and the PEs
/// registered through it. PE side: <see cref="RegisterAsync"/>. PU basic mode: <see cref="ResolveAsync"/>,
/// <see cref="GetPoolInfoAsync"/>, <see cref="GetPrimaryServerAsync"/>, <see cref="GetNextServerAsync"/>,
/// <see cref="ReportFailureAsync"/>. Session mode builds on <see cref="System"/> and <see cref="Resolver"/>.
/// </summary>
public sealed class RSerPoolNode : IAsyncDisposable
{
    private readonly RSerPoolNodeOptions _options;
    private readonly bool _ownsSystem;
    private readonly IActorRef _node;
    private readonly ConcurrentDictionary<PoolElementRegistration, byte> _registrations = new();
    private int _disposed;

    private RSerPoolNode(RSerPoolNodeOptions options, ActorSystem system, bool ownsSystem, IActorRef node, NodeParts parts)
    {
        _options = options;
        System = system;
        _ownsSystem = ownsSystem;
        _node = node;
        RegistrarClient = parts.RegistrarClient;
        Resolver = parts.Resolver;
    }

    /// <summary>The actor system hosting the node.</summary>
    public ActorSystem System { get; }

    /// <summary>The PU resolver: takes <see cref="SelectPoolElement"/>, <see cref="ReportPoolElementUnreachable"/>, <see cref="GetPoolInfo"/>.</summary>
    public IActorRef Resolver { get; }

    /// <summary>The shared registrar client (<see cref="RegistrarClientActor"/>).</summary>
    public IActorRef RegistrarClient { get; }

    /// <summary>Starts a node and waits until its actors are up. Blocks: on a manual test dispatcher use <see cref="StartAsync"/>.</summary>
    public static RSerPoolNode Start(RSerPoolNodeOptions? options = null) => StartAsync(options).GetAwaiter().GetResult();

    /// <summary>Starts a node: creates the actor system unless <see cref="RSerPoolNodeOptions.System"/> is given, then the node's actors.</summary>
    public static async Task<RSerPoolNode> StartAsync(RSerPoolNodeOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new RSerPoolNodeOptions();
        bool owns = options.System is null;
        ActorSystem system = options.System ?? CreateSystem(options);
        try
        {
            IActorRef node = system.ActorOf(RSerPoolNodeActor.Props(options), options.NodeName);
            NodeParts parts = await node.Ask<NodeParts>(GetNodeParts.Instance, options.RequestTimeout, cancellationToken).ConfigureAwait(false);
            return new RSerPoolNode(options, system, owns, node, parts);
        }
        catch when (owns)
        {
            await system.Terminate().ConfigureAwait(false);
            throw;
        }
    }

    private static ActorSystem CreateSystem(RSerPoolNodeOptions options)
    {
        var bootstrap = BootstrapSetup.Create();
        if (options.SystemConfig is { } config)
            bootstrap = bootstrap.WithConfig(config);
        ActorSystemSetup setup = options.TimeProvider is { } clock
            ? ActorSystemSetup.Create(bootstrap, new TimeProviderSetup(clock))
            : ActorSystemSetup.Create(bootstrap);
        return ActorSystem.Create(options.SystemName, setup);
    }

    /// <summary>
    /// Registers a PE and waits for the first accepted registration (RFC 5352 §3.1). Throws <see cref="RSerPoolException"/>
    /// when the registrar rejects it, <see cref="TimeoutException"/> after <see cref="RSerPoolNodeOptions.RegistrationTimeout"/>;
    /// the PE is then removed again.
    /// </summary>
    public async Task<PoolElementRegistration> RegisterAsync(PoolElementOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        uint identifier = options.Identifier != 0 ? options.Identifier : (uint)Random.Shared.NextInt64(1, 0xFFFF_FFFF);
        var registration = new PoolElementRegistration(options.PoolHandle, identifier, _options.DeregistrationTimeout, r => _registrations.TryRemove(r, out _));
        IActorRef observer = System.ActorOf(CallbackActor.Props(message =>
        {
            if (message is PoolElementStatusChanged changed)
            {
                registration.OnStatus(changed);
            }
        }));
        IActorRef pe;
        try
        {
            pe = await _node.Ask<IActorRef>(new CreatePoolElement(options.ToSettings(identifier, observer)), _options.RequestTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            System.Stop(observer);
            throw;
        }

        registration.Attach(System, pe, observer);
        _registrations.TryAdd(registration, 0);
        try
        {
            await registration.FirstOutcome.WaitAsync(_options.RegistrationTimeout, System.Clock, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await registration.DeregisterAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        return registration;
    }

    /// <summary>Resolves a pool handle at the registrar (rsp_getaddrinfo): the PEs it returns, in its selection order.</summary>
    public async Task<ImmutableArray<PoolElement>> ResolveAsync(PoolHandle poolHandle, CancellationToken cancellationToken = default) =>
        (await GetPoolInfoAsync(poolHandle, cancellationToken).ConfigureAwait(false)).Elements;

    /// <summary>Every PE of the pool with the overall policy and each PE's policy values (rsp_getpoolinfo).</summary>
    public async Task<PoolInfo> GetPoolInfoAsync(PoolHandle poolHandle, CancellationToken cancellationToken = default) =>
        await AskResolverAsync<PoolInfo>(new GetPoolInfo(poolHandle), cancellationToken).ConfigureAwait(false);

    /// <summary>GET_PRIMARY_SERVER (services draft §4.4): one PE chosen by the pool's policy, from the cache or a fresh resolution.</summary>
    public async Task<PoolElement> GetPrimaryServerAsync(PoolHandle poolHandle, CancellationToken cancellationToken = default) =>
        (await AskResolverAsync<PoolElementSelected>(new SelectPoolElement(poolHandle, []), cancellationToken).ConfigureAwait(false)).Element;

    /// <summary>
    /// GET_NEXT_SERVER (services draft §4.4): reports <paramref name="failedIdentifier"/> unreachable (as
    /// <see cref="ReportFailureAsync"/>) and returns another PE of the pool.
    /// </summary>
    public async Task<PoolElement> GetNextServerAsync(PoolHandle poolHandle, uint failedIdentifier, CancellationToken cancellationToken = default)
    {
        await ReportFailureAsync(poolHandle, failedIdentifier).ConfigureAwait(false);
        var selected = await AskResolverAsync<PoolElementSelected>(new SelectPoolElement(poolHandle, [failedIdentifier]), cancellationToken).ConfigureAwait(false);
        return selected.Element;
    }

    /// <summary>rsp_reportfailure: the PE leaves the cache and is reported to the registrar (Endpoint Unreachable, rate-limited).</summary>
    public Task ReportFailureAsync(PoolHandle poolHandle, uint identifier)
    {
        Resolver.Tell(new ReportPoolElementUnreachable(poolHandle, identifier), ActorRefs.NoSender);
        return Task.CompletedTask;
    }

    /// <summary>The registrar client's view (registrar in use, known registrars, bound announce endpoint).</summary>
    public Task<RegistrarClientState> GetRegistrarStateAsync(CancellationToken cancellationToken = default) =>
        RegistrarClient.Ask<RegistrarClientState>(GetRegistrarClientState.Instance, _options.RequestTimeout, cancellationToken);

    /// <summary>Deregisters every PE still registered, stops the node, and terminates the system if the node created it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await Task.WhenAll(_registrations.Keys.Select(r => r.DeregisterAsync())).ConfigureAwait(false);
        if (!await _node.GracefulStop(_options.DeregistrationTimeout).ConfigureAwait(false))
        {
            System.Stop(_node);
        }

        if (_ownsSystem)
        {
            await System.Terminate().ConfigureAwait(false);
        }
    }

    private async Task<T> AskResolverAsync<T>(object request, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        object answer = await Resolver.Ask<object>(request, _options.RequestTimeout, cancellationToken).ConfigureAwait(false);
        return answer switch
        {
            T result => result,
            PoolElementSelectionFailed failed => throw new PoolElementSelectionException(failed.Handle, failed.Reason, failed.UnknownPoolHandle),
            _ => throw new RSerPoolException($"unexpected answer {answer}"),
        };
    }
}
