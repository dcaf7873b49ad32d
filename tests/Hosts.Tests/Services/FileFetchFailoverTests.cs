using System.Net;
using RSerPool.Actors.Api;
using Akka.Actor;
using RSerPool.Actors.PoolElements;
using RSerPool.Actors.Registrar;
using RSerPool.Actors.Transport;
using RSerPool.Hosts.Commands;
using RSerPool.Hosts.Hosting;
using RSerPool.Hosts.Services;
using RSerPool.Wire.Parameters;
using Xunit;
using RSerPool.Actors.RegistrarClient;
using RSerPool.Actors.Session;

namespace RSerPool.Hosts.Tests.Services;

/// <summary>
/// The files service and its client across a failover (services draft §4.3): the PE serving the transfer goes away
/// after a quarter of the file; the client resumes at its byte offset on the other PE and the file arrives whole.
/// Real registrar, node, sessions and TCP on loopback, in one process.
/// </summary>
public sealed class FileFetchFailoverTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly string _directory = Directory.CreateTempSubdirectory("rserpool-fetch-").FullName;
    private readonly ActorSystem _system = ActorSystem.Create("fetch-failover");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _system.Terminate();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_transfer_resumes_at_its_offset_on_another_pe_and_the_file_arrives_whole()
    {
        var content = new byte[1024 * 1024];
        new Random(5352).NextBytes(content);
        File.WriteAllBytes(Path.Combine(_directory, "big.bin"), content);

        var started = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
        _system.ActorOf(RegistrarActor.Props(new RegistrarSettings
        {
            ServerId = 0xf11e,
            AsapEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
            AsapAnnounce = new AnnounceSettings([], TimeSpan.FromSeconds(1)),
        }, _system.ActorOf(StartupObserverActor.Props(started))), "registrar");
        var registrar = Assert.IsType<RegistrarStarted>(await started.Task.WaitAsync(Timeout)).AsapEndPoint;

        await using var node = await RSerPoolNode.StartAsync(new RSerPoolNodeOptions
        {
            System = _system,
            RegistrarClient = RegistrarClientSettings.Default with { StaticRegistrars = [registrar] },
        });
        var servers = new Dictionary<uint, PoolElementServer>();
        for (int i = 0; i < 2; i++)
        {
            var server = await PoolElementServer.StartAsync(_system, new IPEndPoint(IPAddress.Loopback, 0), new FilesService(_directory, chunkLength: 8192));
            var registration = await node.RegisterAsync(new PoolElementOptions(PoolHandle.FromString("FilesPool"), server.ToUserTransport()));
            servers[registration.Identifier] = server;
        }

        int failovers = 0;
        await using var session = await PoolSession.ConnectAsync(node, PoolHandle.FromString("FilesPool"),
            PoolSessionOptions.Default with { OnFailover = _ => Interlocked.Increment(ref failovers) });
        uint first = session.CurrentPoolElement.Identifier;
        using var output = new MemoryStream();
        var killer = new ActionAtLengthStream(output, content.Length / 4, () => servers[first].DisposeAsync().AsTask().Wait(Timeout));

        var (bytes, error) = await new FileFetch(session, "big.bin", killer, TimeSpan.FromSeconds(5)).RunAsync(CancellationToken.None).WaitAsync(Timeout);

        Assert.Null(error);
        Assert.Equal(content.Length, bytes);
        Assert.Equal(content, output.ToArray());
        Assert.Equal(1, failovers);
        Assert.NotEqual(first, session.CurrentPoolElement.Identifier);
        foreach (var server in servers.Values)
        {
            await server.DisposeAsync();
        }
    }
}
