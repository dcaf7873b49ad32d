using System.Net;
using BenchmarkDotNet.Attributes;
using Akka.Actor;
using RSerPool.Actors.Registrar;
using RSerPool.Actors.Transport;
using RSerPool.Benchmarks.Support;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;

namespace RSerPool.Benchmarks.Registrar;

/// <summary>
/// Issue 4 benchmark 2: Handle Resolutions over TCP on loopback against an in-process registrar (pool of 10 Round
/// Robin PEs, 1 item per resolution), and the same harness against <see cref="TcpEchoServer"/> as the baseline. Each
/// invocation runs <see cref="RoundTrips"/> request/response round trips split evenly over the connections, each
/// connection with one request in flight, so ns/op is 1 / aggregate rate. With one connection the setup also prints the
/// p50/p99 round-trip latency (<see cref="RoundTripLatencyHarness"/>) to the benchmark log.
/// Run: <c>dotnet run -c Release --project tests/Benchmarks -- --filter '*RegistrarResolution*'</c>.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class RegistrarResolutionBenchmarks
{
    public const int RoundTrips = 16_000;

    private static readonly PoolHandle Handle = PoolHandle.FromString("BenchPool");

    private ActorSystem? _system;
    private PipelinedAsapClient? _peConnection;
    private TcpEchoServer? _echo;
    private PipelinedAsapClient[] _clients = [];
    private byte[] _request = [];
    private byte _responseType;

    [Params(1, 16)]
    public int Connections { get; set; }

    /// <summary>registrar-metrics: the registrar with its "RSerPool" Meter exported as the status endpoint does (docs/metrics.md).</summary>
    [Params("registrar", "registrar-metrics", "echo")]
    public string Server { get; set; } = "registrar";

    private RSerPool.Hosts.Status.MeterExporter? _exporter;

    [GlobalSetup]
    public void Setup()
    {
        _request = AsapEncoder.EncodeToArray(new AsapHandleResolution(Handle, 1));
        IPEndPoint endpoint;
        if (Server == "echo")
        {
            _echo = new TcpEchoServer();
            endpoint = _echo.EndPoint;
            _responseType = (byte)AsapMessageType.HandleResolution;
        }
        else
        {
            _exporter = Server == "registrar-metrics" ? new RSerPool.Hosts.Status.MeterExporter(new Dictionary<string, string[]>()) : null;
            endpoint = StartRegistrar();
            _responseType = (byte)AsapMessageType.HandleResolutionResponse;
        }

        _clients = new PipelinedAsapClient[Connections];
        for (int c = 0; c < Connections; c++)
        {
            _clients[c] = PipelinedAsapClient.ConnectAsync(endpoint).GetAwaiter().GetResult();
        }

        if (Connections == 1)
        {
            RoundTripLatencyHarness.Run(Server, _clients[0], _request, _responseType);
        }
    }

    [Benchmark(OperationsPerInvoke = RoundTrips)]
    public void Resolve()
    {
        var runs = new Task[Connections];
        for (int c = 0; c < Connections; c++)
        {
            runs[c] = RunAsync(_clients[c]);
        }

        Task.WaitAll(runs);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        _peConnection?.Dispose();
        _echo?.Dispose();
        _system?.Terminate().GetAwaiter().GetResult();
        _exporter?.Dispose();
    }

    private async Task RunAsync(PipelinedAsapClient client)
    {
        for (int i = 0; i < RoundTrips / Connections; i++)
        {
            await client.RoundTripAsync(_request, 1, _responseType).ConfigureAwait(false);
        }
    }

    private IPEndPoint StartRegistrar()
    {
        _system = BenchActorSystem.Create("bench");
        var started = new TaskCompletionSource<RegistrarStarted>(TaskCreationOptions.RunContinuationsAsynchronously);
        var observer = _system.ActorOf(Props.Create(() => new StartedObserver(started)), "observer");
        var settings = new RegistrarSettings
        {
            Dispatcher = BenchActorSystem.RegistrarDispatcher,
            ServerId = 0xbe7c0002,
            AsapEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
            AsapAnnounce = new AnnounceSettings([], TimeSpan.FromSeconds(1)),
            // Load generators: no rate limits, and lives as long as the workload asks (hocon/reference.conf bounds them).
            MaxHandleResolutionRate = 0,
            MaxHandleResolutionRatePerHost = 0,
            MaxRegistrationLife = TimeSpan.FromHours(24),
            KeepAliveInterval = TimeSpan.FromMinutes(10),
            KeepAliveTimeout = TimeSpan.FromMinutes(10),
        };
        _system.ActorOf(RegistrarActor.Props(settings, observer), "registrar");
        var endpoint = started.Task.GetAwaiter().GetResult().AsapEndPoint;

        var pe = PipelinedAsapClient.ConnectAsync(endpoint).GetAwaiter().GetResult();
        var batch = new List<byte>();
        for (uint id = 1; id <= 10; id++)
        {
            var element = new PoolElement(id, 0, 90_000, new TcpTransport((ushort)(10_000 + id), TransportUse.DataOnly, [IPAddress.Parse("10.0.0.1")]),
                PoolMemberSelectionPolicy.RoundRobin());
            batch.AddRange(AsapEncoder.EncodeToArray(new AsapRegistration(Handle, element)));
        }

        pe.RoundTripAsync([.. batch], 10, (byte)AsapMessageType.RegistrationResponse).GetAwaiter().GetResult();
        _peConnection = pe;
        return endpoint;
    }
}
