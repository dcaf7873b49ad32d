using System.Net;
using Akka.Actor;
using Akka.TestKit;
using RSerPool.TestKit;
using RSerPool.Actors.Registrar;
using RSerPool.Actors.Tests.Registrar.Support;
using RSerPool.Actors.Transport;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;
using Xunit;

namespace RSerPool.Actors.Tests.Registrar;

/// <summary>
/// The registrar on real loopback sockets and the thread-pool dispatcher, spoken to by a raw ASAP client
/// (docs/protocol-notes.md §2): the procedures end to end, bad input, and connection loss.
/// </summary>
public sealed class RegistrarTcpSpec : RealTimeTestKit, IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private const int MaxMessageLength = 1024;
    private readonly List<AsapTestClient> _clients = [];
    private IPEndPoint _endpoint = new(IPAddress.Loopback, 0);

    public RegistrarTcpSpec()
        : base()
    {
    }

    public async Task InitializeAsync()
    {
        var observer = CreateTestProbe("observer");
        var settings = new RegistrarSettings
        {
            ServerId = 0x7e570001,
            AsapEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
            AsapAnnounce = new AnnounceSettings([], TimeSpan.FromSeconds(1)),
            KeepAliveInterval = TimeSpan.FromMinutes(5),   // no Keep Alives interleaved with the answers under test
            KeepAliveTimeout = TimeSpan.FromMinutes(5),
            Association = AssociationSettings.Default with { MaxMessageLength = MaxMessageLength },
        };
        Sys.ActorOf(RegistrarActor.Props(settings, observer.Ref), "registrar");
        _endpoint = (await observer.ExpectMsgAsync<RegistrarStarted>(Timeout)).AsapEndPoint;
    }

    public Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        return Task.CompletedTask;
    }

    private async Task<AsapTestClient> ConnectAsync()
    {
        var client = await AsapTestClient.ConnectAsync(_endpoint, Timeout);
        _clients.Add(client);
        return client;
    }

    private static async Task RegisterAsync(AsapTestClient client, uint id)
    {
        await client.SendAsync(Asap.LoopbackRegistration(id));
        var response = await client.ReceiveAsync<AsapRegistrationResponse>();
        Assert.False(response.Rejected, $"registration rejected: {response.Error}");
        Assert.Equal(id, response.PoolElementIdentifier);
    }

    private static async Task<uint[]> ResolveAsync(AsapTestClient client)
    {
        await client.SendAsync(new AsapHandleResolution(Asap.EchoPool, 10));
        var response = await client.ReceiveAsync<AsapHandleResolutionResponse>();
        if (response.Error is not null)
        {
            Assert.Equal(ErrorCauseCode.UnknownPoolHandle, Assert.Single(response.Error.Causes).Code);
            return [];
        }

        return response.PoolElements.Select(e => e.Identifier).Order().ToArray();
    }

    /// <summary>Resolves until the answer is <paramref name="expected"/> (the registrar applies a connection loss asynchronously).</summary>
    private Task AssertResolvesEventuallyAsync(AsapTestClient client, uint[] expected) =>
        AwaitAssertAsync(async () => Assert.Equal(expected, await ResolveAsync(client)), Timeout, TimeSpan.FromMilliseconds(10));

    [Fact]
    public async Task A_pe_registers_a_user_resolves_it_and_the_pe_deregisters()
    {
        var pe = await ConnectAsync();
        var user = await ConnectAsync();
        await RegisterAsync(pe, 0xabc);

        await user.SendAsync(new AsapHandleResolution(Asap.EchoPool));
        var resolution = await user.ReceiveAsync<AsapHandleResolutionResponse>();
        var element = Assert.Single(resolution.PoolElements);
        Assert.Equal(0xabcu, element.Identifier);
        Assert.Equal(0x7e570001u, element.HomeServerIdentifier);
        Assert.Equal(PoolMemberSelectionPolicy.RoundRobin(), resolution.Policy);

        await pe.SendAsync(new AsapDeregistration(Asap.EchoPool, 0xabc));
        Assert.Null((await pe.ReceiveAsync<AsapDeregistrationResponse>()).Error);
        Assert.Empty(await ResolveAsync(user));
    }

    [Fact]
    public async Task A_malformed_message_is_answered_with_an_error_and_the_connection_survives()
    {
        var pe = await ConnectAsync();
        // A Registration whose only parameter has action bits 01 and an unknown type: stop, discard, report 0x0001.
        byte[] malformed = [0x01, 0x00, 0x00, 0x0c, 0x7f, 0xf0, 0x00, 0x08, 0xde, 0xad, 0xbe, 0xef];
        await pe.SendRawAsync(malformed);

        var error = await pe.ReceiveAsync<AsapError>();
        var cause = Assert.Single(error.Error.Causes);
        Assert.Equal(ErrorCauseCode.UnrecognizedParameter, cause.Code);
        Assert.Equal(malformed[4..], cause.Information.ToArray());

        await RegisterAsync(pe, 1);
        Assert.Equal(new uint[] { 1 }, await ResolveAsync(pe));
    }

    [Fact]
    public async Task An_oversized_frame_closes_only_that_connection_and_removes_its_pes()
    {
        var bad = await ConnectAsync();
        var good = await ConnectAsync();
        await RegisterAsync(bad, 1);
        await RegisterAsync(good, 2);

        byte[] oversized = [0x05, 0x00, 0x08, 0x00];   // declares 2048 bytes > the 1024-byte limit
        await bad.SendRawAsync(oversized);

        Assert.True(await bad.IsClosedByPeerAsync());
        await AssertResolvesEventuallyAsync(good, [2u]);
    }

    [Fact]
    public async Task Closing_the_connection_removes_its_pes()
    {
        var pe = await ConnectAsync();
        var user = await ConnectAsync();
        await RegisterAsync(pe, 1);
        await RegisterAsync(pe, 2);
        Assert.Equal(new uint[] { 1, 2 }, await ResolveAsync(user));

        pe.Close();

        await AssertResolvesEventuallyAsync(user, []);
    }

    [Fact]
    public async Task A_foreign_deregistration_is_refused_over_tcp()
    {
        var pe = await ConnectAsync();
        var other = await ConnectAsync();
        await RegisterAsync(pe, 1);

        await other.SendAsync(new AsapDeregistration(Asap.EchoPool, 1));
        var response = await other.ReceiveAsync<AsapDeregistrationResponse>();

        Assert.Equal(ErrorCauseCode.RejectionDueToSecurityConsiderations, Assert.Single(response.Error!.Causes).Code);
        Assert.Equal(new uint[] { 1 }, await ResolveAsync(other));
    }
}
