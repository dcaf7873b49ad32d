using System.Net;
using RSerPool.Actors.Enrp;
using RSerPool.Actors.Handlespace;
using Akka.Actor;
using RSerPool.Actors.Registrar;
using RSerPool.Actors.Transport;
using RSerPool.Benchmarks.Support;
using RSerPool.Benchmarks.Registrar;

namespace RSerPool.Benchmarks.Enrp;

/// <summary>
/// One real <see cref="RegistrarActor"/> in its own actor system, ASAP and ENRP over TCP on loopback (port 0), with
/// keep-alives effectively off (the benchmark clients do not answer them) and the reference ENRP defaults otherwise.
/// </summary>
public sealed class EnrpRegistrarNode : IAsyncDisposable
{
    private readonly ActorSystem _system;

    private EnrpRegistrarNode(ActorSystem system, IActorRef registrar, RegistrarStarted started)
    {
        _system = system;
        Registrar = registrar;
        Started = started;
    }

    public IActorRef Registrar { get; }

    public RegistrarStarted Started { get; }

    public IPEndPoint Asap => Started.AsapEndPoint;

    public IPEndPoint Enrp => Started.EnrpEndPoint ?? throw new InvalidOperationException("ENRP is off");

    /// <summary>Starts a registrar; <paramref name="enrp"/> false = no ENRP child (the no-peer baseline).</summary>
    public static async Task<EnrpRegistrarNode> StartAsync(uint serverId, bool enrp, params IPEndPoint[] peers)
    {
        var system = BenchActorSystem.Create($"enrp-bench-{serverId:x8}");
        var started = new TaskCompletionSource<RegistrarStarted>(TaskCreationOptions.RunContinuationsAsynchronously);
        var observer = system.ActorOf(Props.Create(() => new StartedObserver(started)), "observer");
        var settings = new RegistrarSettings
        {
            ServerId = serverId,
            AsapEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
            AsapAnnounce = new AnnounceSettings([], TimeSpan.FromSeconds(1)),
            // Load generators: no rate limits, and lives as long as the workload asks (hocon/reference.conf bounds them).
            MaxHandleResolutionRate = 0,
            MaxHandleResolutionRatePerHost = 0,
            MaxRegistrationLife = TimeSpan.FromHours(24),
            KeepAliveInterval = TimeSpan.FromHours(1),
            KeepAliveTimeout = TimeSpan.FromHours(1),
            Handlespace = HandlespaceSettings.Default with { MaxElementsPerAssociation = 100_000 },
            Enrp = enrp ? new EnrpSettings { EndPoint = new IPEndPoint(IPAddress.Loopback, 0), Peers = peers } : null,
        };
        var registrar = system.ActorOf(RegistrarActor.Props(settings, observer), "registrar");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var result = await started.Task.WaitAsync(timeout.Token).ConfigureAwait(false);
        return new EnrpRegistrarNode(system, registrar, result);
    }

    public Task<EnrpStatus> StatusAsync() => Registrar.Ask<EnrpStatus>(GetEnrpStatus.Instance, TimeSpan.FromSeconds(30));

    public Task<HandlespaceSnapshot> SnapshotAsync() => Registrar.Ask<HandlespaceSnapshot>(GetHandlespaceSnapshot.Instance, TimeSpan.FromSeconds(60));

    /// <summary>Waits (polling every millisecond, bounded) until the ENRP status satisfies <paramref name="condition"/>.</summary>
    public async Task WaitForStatusAsync(Func<EnrpStatus, bool> condition, TimeSpan limit)
    {
        long start = System.Diagnostics.Stopwatch.GetTimestamp();
        while (!condition(await StatusAsync().ConfigureAwait(false)))
        {
            if (System.Diagnostics.Stopwatch.GetElapsedTime(start) > limit)
            {
                throw new TimeoutException($"ENRP status of 0x{Started.ServerId:x8} not reached within {limit}");
            }

            await Task.Delay(1).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync() => await _system.Terminate().ConfigureAwait(false);
}
