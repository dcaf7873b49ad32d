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
/// Issue 4 benchmark 3: re-registrations per second at an in-process registrar over TCP on loopback, 10,000 PEs over
/// 100 connections. One invocation re-registers every PE once (each connection pipelines its 100 Registrations in one
/// write and waits for the 100 responses), so ns/op converts to re-registrations/s as 1e9 / ns. Target ≥ 25,000/s.
/// Run: <c>dotnet run -c Release --project tests/Benchmarks -- --filter '*RegistrarReregistration*'</c>.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class RegistrarReregistrationBenchmarks
{
    public const int Connections = 100;
    public const int PesPerConnection = 100;

    private static readonly PoolHandle Handle = PoolHandle.FromString("BenchPool");

    private ActorSystem _system = null!;
    private PipelinedAsapClient[] _clients = [];
    private byte[][] _batches = [];

    [GlobalSetup]
    public void Setup()
    {
        _system = BenchActorSystem.Create("bench");
        var started = new TaskCompletionSource<RegistrarStarted>(TaskCreationOptions.RunContinuationsAsynchronously);
        var observer = _system.ActorOf(Props.Create(() => new StartedObserver(started)), "observer");
        var settings = new RegistrarSettings
        {
            Dispatcher = BenchActorSystem.RegistrarDispatcher,
            ServerId = 0xbe7c0001,
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

        _clients = new PipelinedAsapClient[Connections];
        _batches = new byte[Connections][];
        for (int c = 0; c < Connections; c++)
        {
            _clients[c] = PipelinedAsapClient.ConnectAsync(endpoint).GetAwaiter().GetResult();
            var batch = new List<byte>();
            for (int i = 0; i < PesPerConnection; i++)
            {
                uint id = (uint)((c * 1000) + i + 1);
                var element = new PoolElement(id, 0, 90_000, new TcpTransport((ushort)(10_000 + i), TransportUse.DataOnly, [IPAddress.Parse("10.0.0.1")]),
                    PoolMemberSelectionPolicy.LeastUsed((uint)i));
                batch.AddRange(AsapEncoder.EncodeToArray(new AsapRegistration(Handle, element)));
            }

            _batches[c] = [.. batch];
        }

        Reregister();   // the first round registers every PE
    }

    [Benchmark(OperationsPerInvoke = Connections * PesPerConnection)]
    public void Reregister()
    {
        var rounds = new Task<int>[Connections];
        for (int c = 0; c < Connections; c++)
        {
            rounds[c] = _clients[c].RoundTripAsync(_batches[c], PesPerConnection, (byte)AsapMessageType.RegistrationResponse);
        }

        int rejected = Task.WhenAll(rounds).GetAwaiter().GetResult().Sum();
        if (rejected != 0)
        {
            throw new InvalidOperationException($"{rejected} registrations rejected");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        _system.Terminate().GetAwaiter().GetResult();
    }
}
