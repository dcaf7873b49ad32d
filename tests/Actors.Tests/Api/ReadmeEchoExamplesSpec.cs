using System.Net;
using RSerPool.Actors.Registrar;
using Akka.TestKit;
using RSerPool.TestKit;
using RSerPool.Actors.Transport;
using Xunit;

namespace RSerPool.Actors.Tests.Api;

/// <summary>README's two echo examples, run against a real in-process registrar on loopback.</summary>
public sealed class ReadmeEchoExamplesSpec : RealTimeTestKit
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    public ReadmeEchoExamplesSpec()
        : base()
    {
    }

    [Fact]
    public async Task The_echo_client_gets_every_line_back_from_the_echo_server()
    {
        var observer = CreateTestProbe();
        Sys.ActorOf(RegistrarActor.Props(new RegistrarSettings
        {
            ServerId = 0x5eed,
            AsapEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
            AsapAnnounce = new AnnounceSettings([], TimeSpan.FromSeconds(1)),
        }, observer.Ref), "registrar");
        var registrar = (await observer.ExpectMsgAsync<RegistrarStarted>(Timeout)).AsapEndPoint;

        using var stop = new CancellationTokenSource();
        var registered = new TaskCompletionSource<uint>(TaskCreationOptions.RunContinuationsAsynchronously);
        var server = ReadmeEchoExamples.RunEchoServerAsync(registrar, registered.SetResult, stop.Token);
        uint identifier = await registered.Task.WaitAsync(Timeout);
        Assert.NotEqual(0u, identifier);

        var answers = await ReadmeEchoExamples.RunEchoClientAsync(registrar, ["one", "two", "three"]).WaitAsync(Timeout);

        Assert.Equal(["one", "two", "three"], answers);
        await stop.CancelAsync();
        await server.WaitAsync(Timeout);
    }
}
