using RSerPool.Actors.Registrar;
using RSerPool.Actors.Configuration;
using System.Net;
using Akka.Actor;
using Akka.TestKit;
using RSerPool.TestKit;
using RSerPool.Actors.Transport;
using RSerPool.Actors.Transport.Sctp;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;
using Xunit;

namespace RSerPool.Actors.Tests.Transport.Sctp;

/// <summary>
/// The one-to-many SCTP listener (RFC 6458 §3) on real kernel SCTP over loopback, with one-to-one clients (as RSPLIB's
/// PEs): one socket serves every association, each association is its own wire actor with the TCP/SCTP association
/// contract (RFC 5352 §5: one ASAP message per SCTP message, PPID 11), kept apart by association id, ended by either
/// side, and limited in number. Skipped where the kernel has no SCTP; the lab guest runs them.
/// </summary>
public sealed class SctpOneToManyListenerSpec : RealTimeTestKit, IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private static readonly AsapHandleResolution Resolution = new(PoolHandle.FromString("EchoPool"));

    // Stream 1 instead of ASAP's 0, so the test sees the setting honoured.
    private static readonly SctpSettings Sctp = SctpSettings.Asap with { Stream = 1 };
    private readonly TestProbe _handler;
    private readonly List<SctpTestClient> _clients = [];
    private IPEndPoint _endpoint = new(IPAddress.Loopback, 0);

    public SctpOneToManyListenerSpec()
        : base(RSerPoolConfig.RSerPoolSection)   // defines the registrar's event-loop dispatcher
    {
        _handler = CreateTestProbe("handler");
    }

    public async Task InitializeAsync()
    {
        if (!SctpSupport.IsAvailable)
        {
            return;
        }
        _endpoint = await StartListenerAsync(_handler, "asap-sctp-endpoint", maxAssociations: 4);
    }

    public Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
        return Task.CompletedTask;
    }

    [SctpFact]
    public async Task An_association_is_established_and_messages_flow_both_ways_with_ppid_and_stream()
    {
        var (client, established) = await ConnectAsync();
        Assert.Equal(client.Socket.LocalEndPoint, established.Remote);
        Assert.Equal(_endpoint, established.Local);
        var association = established.Association;

        client.Send(AsapEncoder.EncodeToArray(Resolution), SctpPayloadProtocol.Asap, stream: 3);
        var received = await _handler.ExpectMsgAsync<AssociationReceived<AsapMessage>>(Timeout);
        Assert.Equal(Resolution, received.Message);
        Assert.Equal(association, _handler.LastSender);

        var reply = AsapHandleResolutionResponse.Failure(PoolHandle.FromString("EchoPool"), new OperationError(ErrorCause.WithoutInformation(ErrorCauseCode.UnknownPoolHandle)));
        association.Tell(new AssociationSend<AsapMessage>(reply), _handler.Ref);
        var (bytes, info) = await client.ReceiveAsync();
        Assert.Equal(AsapEncoder.EncodeToArray(reply), bytes);
        Assert.Equal(SctpPayloadProtocol.Asap, info!.Value.PayloadProtocolId);
        Assert.Equal((ushort)1, info.Value.Stream);
        Assert.False(info.Value.Unordered);
    }

    // The read loop hands messages to the handler itself once the association actor has published its route
    // (SctpOneToManyRoute); a burst sent right after connecting crosses that switch and must keep its order.
    [SctpFact]
    public async Task A_burst_sent_at_once_after_connecting_arrives_whole_in_order_after_the_establishment()
    {
        const int Count = 300;
        var client = await SctpTestClient.ConnectAsync(_endpoint, Timeout);
        _clients.Add(client);
        for (int i = 0; i < Count; i++)
        {
            client.Send(AsapEncoder.EncodeToArray(new AsapHandleResolution(PoolHandle.FromString($"Pool{i}"))), SctpPayloadProtocol.Asap);
        }

        var established = await _handler.ExpectMsgAsync<AssociationEstablished>(Timeout);
        for (int i = 0; i < Count; i++)
        {
            var received = await _handler.ExpectMsgAsync<AssociationReceived<AsapMessage>>(Timeout);
            Assert.Equal(new AsapHandleResolution(PoolHandle.FromString($"Pool{i}")), received.Message);
            Assert.Equal(established.Association, _handler.LastSender);
        }
    }

    // Issue 14: on the registrar's event-loop dispatcher the loop's thread reads the socket (SctpOneToManyLoopReader);
    // a burst still arrives whole and in order, and replies go out.
    [SctpFact]
    public async Task On_the_event_loop_a_burst_arrives_whole_in_order_and_replies_go_out()
    {
        const int Count = 300;
        var handler = CreateTestProbe("loop-handler");
        Sys.ActorOf(SctpOneToManyListenerActor<AsapMessage>.Props(new IPEndPoint(IPAddress.Loopback, 0), handler.Ref, AsapWireCodec.Instance,
            AssociationSettings.Default with { MaxMessageLength = 1024 }, Sctp, 4).WithDispatcher(RegistrarSettings.EventLoopDispatcher), "on-event-loop");
        var endpoint = (await handler.ExpectMsgAsync<Bound>(Timeout)).LocalEndPoint;
        var client = await SctpTestClient.ConnectAsync(endpoint, Timeout);
        _clients.Add(client);
        for (int i = 0; i < Count; i++)
        {
            client.Send(AsapEncoder.EncodeToArray(new AsapHandleResolution(PoolHandle.FromString($"Pool{i}"))), SctpPayloadProtocol.Asap);
        }

        var established = await handler.ExpectMsgAsync<AssociationEstablished>(Timeout);
        for (int i = 0; i < Count; i++)
        {
            var received = await handler.ExpectMsgAsync<AssociationReceived<AsapMessage>>(Timeout);
            Assert.Equal(new AsapHandleResolution(PoolHandle.FromString($"Pool{i}")), received.Message);
        }

        var reply = AsapHandleResolutionResponse.Failure(PoolHandle.FromString("Pool0"), new OperationError(ErrorCause.WithoutInformation(ErrorCauseCode.UnknownPoolHandle)));
        established.Association.Tell(new AssociationSend<AsapMessage>(reply), handler.Ref);
        Assert.Equal(AsapEncoder.EncodeToArray(reply), (await client.ReceiveAsync()).Bytes);
    }

    [SctpFact]
    public async Task Two_clients_on_the_one_socket_are_kept_apart()
    {
        var (first, firstEstablished) = await ConnectAsync();
        var (second, secondEstablished) = await ConnectAsync();
        Assert.NotEqual(firstEstablished.Association, secondEstablished.Association);

        var fromFirst = new AsapHandleResolution(PoolHandle.FromString("First"));
        var fromSecond = new AsapHandleResolution(PoolHandle.FromString("Second"));
        second.Send(AsapEncoder.EncodeToArray(fromSecond), SctpPayloadProtocol.Asap);
        Assert.Equal(fromSecond, (await _handler.ExpectMsgAsync<AssociationReceived<AsapMessage>>(Timeout)).Message);
        Assert.Equal(secondEstablished.Association, _handler.LastSender);
        first.Send(AsapEncoder.EncodeToArray(fromFirst), SctpPayloadProtocol.Asap);
        Assert.Equal(fromFirst, (await _handler.ExpectMsgAsync<AssociationReceived<AsapMessage>>(Timeout)).Message);
        Assert.Equal(firstEstablished.Association, _handler.LastSender);

        // Each association's send reaches its own client only: each client's first message is its own reply.
        var toFirst = AsapHandleResolutionResponse.Failure(PoolHandle.FromString("First"), new OperationError(ErrorCause.WithoutInformation(ErrorCauseCode.UnknownPoolHandle)));
        var toSecond = AsapHandleResolutionResponse.Failure(PoolHandle.FromString("Second"), new OperationError(ErrorCause.WithoutInformation(ErrorCauseCode.UnknownPoolHandle)));
        firstEstablished.Association.Tell(new AssociationSend<AsapMessage>(toFirst), _handler.Ref);
        secondEstablished.Association.Tell(new AssociationSend<AsapMessage>(toSecond), _handler.Ref);
        Assert.Equal(AsapEncoder.EncodeToArray(toSecond), (await second.ReceiveAsync()).Bytes);
        Assert.Equal(AsapEncoder.EncodeToArray(toFirst), (await first.ReceiveAsync()).Bytes);

        // Closing one leaves the other working.
        _handler.Watch(firstEstablished.Association);
        first.Dispose();
        await _handler.ExpectTerminatedAsync(firstEstablished.Association, Timeout);
        second.Send(AsapEncoder.EncodeToArray(fromSecond), SctpPayloadProtocol.Asap);
        Assert.Equal(fromSecond, (await _handler.ExpectMsgAsync<AssociationReceived<AsapMessage>>(Timeout)).Message);
        Assert.Equal(secondEstablished.Association, _handler.LastSender);
    }

    [SctpFact]
    public async Task A_message_with_another_ppid_is_discarded_and_the_association_kept()
    {
        var (client, _) = await ConnectAsync();
        client.Send(AsapEncoder.EncodeToArray(new AsapHandleResolution(PoolHandle.FromString("Other"))), payloadProtocolId: 99);
        client.Send(AsapEncoder.EncodeToArray(Resolution), SctpPayloadProtocol.Asap);
        Assert.Equal(Resolution, (await _handler.ExpectMsgAsync<AssociationReceived<AsapMessage>>(Timeout)).Message);
    }

    [SctpFact]
    public async Task An_unknown_message_type_is_answered_with_an_error_and_the_association_kept()
    {
        var (client, _) = await ConnectAsync();
        byte[] unknown = [0x7f, 0x00, 0x00, 0x08, 0xde, 0xad, 0xbe, 0xef];
        client.Send(unknown, SctpPayloadProtocol.Asap);

        var (bytes, info) = await client.ReceiveAsync();
        Assert.Equal(SctpPayloadProtocol.Asap, info!.Value.PayloadProtocolId);
        var cause = Assert.Single(Assert.IsType<AsapError>(AsapDecoder.Decode(bytes)).Error.Causes);
        Assert.Equal(ErrorCauseCode.UnrecognizedMessage, cause.Code);

        client.Send(AsapEncoder.EncodeToArray(Resolution), SctpPayloadProtocol.Asap);
        Assert.Equal(Resolution, (await _handler.ExpectMsgAsync<AssociationReceived<AsapMessage>>(Timeout)).Message);
    }

    [SctpFact]
    public async Task A_message_longer_than_the_maximum_aborts_that_association()
    {
        var (client, established) = await ConnectAsync();
        _handler.Watch(established.Association);
        var tooLong = new byte[2048]; // the listener's maximum is 1024
        tooLong[0] = 0x05;
        tooLong[2] = 0x08;
        client.Send(tooLong, SctpPayloadProtocol.Asap);
        await _handler.ExpectTerminatedAsync(established.Association, Timeout);
        var (kinds, failed) = await client.ReadUntilEndAsync();
        Assert.True(kinds.Contains(SctpEventKind.Lost) || failed, $"expected an ABORT, saw {string.Join(", ", kinds)}");
    }

    [SctpFact]
    public async Task The_association_actor_stops_when_the_client_closes()
    {
        var (client, established) = await ConnectAsync();
        _handler.Watch(established.Association);
        client.Dispose();
        await _handler.ExpectTerminatedAsync(established.Association, Timeout);
    }

    [SctpFact]
    public async Task CloseAssociation_shuts_the_association_down_gracefully()
    {
        var (client, established) = await ConnectAsync();
        _handler.Watch(established.Association);
        established.Association.Tell(CloseAssociation.Requested, _handler.Ref);
        await _handler.ExpectTerminatedAsync(established.Association, Timeout);

        var (kinds, failed) = await client.ReadUntilEndAsync();
        Assert.False(failed);
        Assert.Contains(SctpEventKind.PeerShutdown, kinds);
        Assert.DoesNotContain(SctpEventKind.Lost, kinds);
    }

    [SctpFact]
    public async Task Associations_over_the_limit_are_aborted_and_a_freed_place_is_reused()
    {
        var handler = CreateTestProbe("limited-handler");
        var endpoint = await StartListenerAsync(handler, "limited-endpoint", maxAssociations: 1);
        var first = await SctpTestClient.ConnectAsync(endpoint, Timeout);
        _clients.Add(first);
        var established = await handler.ExpectMsgAsync<AssociationEstablished>(Timeout);

        SctpTestClient? extra = null;
        try
        {
            extra = await SctpTestClient.ConnectAsync(endpoint, Timeout);
            _clients.Add(extra);
        }
        catch (SctpException)
        {
            // The ABORT came before connect returned: refused all the same.
        }
        if (extra is not null)
        {
            var (kinds, failed) = await extra.ReadUntilEndAsync();
            Assert.True(kinds.Contains(SctpEventKind.Lost) || failed, $"expected an ABORT, saw {string.Join(", ", kinds)}");
        }

        handler.Watch(established.Association);
        first.Dispose();
        await handler.ExpectTerminatedAsync(established.Association, Timeout);

        var third = await SctpTestClient.ConnectAsync(endpoint, Timeout);
        _clients.Add(third);
        var thirdEstablished = await handler.ExpectMsgAsync<AssociationEstablished>(Timeout);
        Assert.Equal(third.Socket.LocalEndPoint, thirdEstablished.Remote);
    }

    [SctpFact]
    public async Task Many_messages_from_two_clients_arrive_complete_and_in_order_per_association()
    {
        const int count = 50;
        var (first, firstEstablished) = await ConnectAsync();
        var (second, secondEstablished) = await ConnectAsync();
        for (int i = 0; i < count; i++)
        {
            first.Send(AsapEncoder.EncodeToArray(new AsapHandleResolution(PoolHandle.FromString($"A{i}"))), SctpPayloadProtocol.Asap);
            second.Send(AsapEncoder.EncodeToArray(new AsapHandleResolution(PoolHandle.FromString($"B{i}"))), SctpPayloadProtocol.Asap);
        }
        var next = new Dictionary<IActorRef, int> { [firstEstablished.Association] = 0, [secondEstablished.Association] = 0 };
        for (int i = 0; i < 2 * count; i++)
        {
            var received = await _handler.ExpectMsgAsync<AssociationReceived<AsapMessage>>(Timeout);
            var sender = _handler.LastSender;
            string prefix = sender.Equals(firstEstablished.Association) ? "A" : "B";
            Assert.Equal(new AsapHandleResolution(PoolHandle.FromString($"{prefix}{next[sender]++}")), received.Message);
        }
        Assert.Equal(count, next[firstEstablished.Association]);
        Assert.Equal(count, next[secondEstablished.Association]);
    }

    [SctpFact]
    public async Task When_its_handler_stops_the_association_shuts_down_gracefully()
    {
        var owner = CreateTestProbe("owner");
        var endpoint = await StartListenerAsync(owner, "owned-endpoint", maxAssociations: 4);
        var client = await SctpTestClient.ConnectAsync(endpoint, Timeout);
        _clients.Add(client);
        var association = (await owner.ExpectMsgAsync<AssociationEstablished>(Timeout)).Association;
        _handler.Watch(association);

        Sys.Stop(owner.Ref);
        await _handler.ExpectTerminatedAsync(association, Timeout);
        var (kinds, failed) = await client.ReadUntilEndAsync();
        Assert.False(failed);
        Assert.Contains(SctpEventKind.PeerShutdown, kinds);
    }

    [SctpFact]
    public async Task Stopping_the_listener_ends_every_association()
    {
        var owner = CreateTestProbe("owner");
        var (listener, endpoint) = await BindAsync(owner, "stopped-endpoint", maxAssociations: 4);
        var clients = new List<SctpTestClient>();
        var associations = new List<IActorRef>();
        for (int i = 0; i < 2; i++)
        {
            var client = await SctpTestClient.ConnectAsync(endpoint, Timeout);
            _clients.Add(client);
            clients.Add(client);
            associations.Add((await owner.ExpectMsgAsync<AssociationEstablished>(Timeout)).Association);
        }
        foreach (var association in associations)
        {
            _handler.Watch(association);
        }

        Sys.Stop(listener);
        var ended = new HashSet<IActorRef>();
        for (int i = 0; i < associations.Count; i++)
        {
            ended.Add((await _handler.ExpectMsgAsync<Terminated>(Timeout)).ActorRef);   // children stop in any order
        }
        Assert.True(ended.SetEquals(associations), "not every association ended");
        foreach (var client in clients)
        {
            var (kinds, failed) = await client.ReadUntilEndAsync();
            Assert.False(failed);
            Assert.Contains(SctpEventKind.PeerShutdown, kinds);
        }
    }

    private async Task<IPEndPoint> StartListenerAsync(TestProbe handler, string name, int maxAssociations) =>
        (await BindAsync(handler, name, maxAssociations)).LocalEndPoint;

    private async Task<Bound> BindAsync(TestProbe handler, string name, int maxAssociations)
    {
        Sys.ActorOf(SctpOneToManyListenerActor<AsapMessage>.Props(new IPEndPoint(IPAddress.Loopback, 0), handler.Ref, AsapWireCodec.Instance,
            AssociationSettings.Default with { MaxMessageLength = 1024 }, Sctp, maxAssociations), name);
        return await handler.ExpectMsgAsync<Bound>(Timeout);
    }

    private async Task<(SctpTestClient Client, AssociationEstablished Established)> ConnectAsync()
    {
        var client = await SctpTestClient.ConnectAsync(_endpoint, Timeout);
        _clients.Add(client);
        var established = await _handler.ExpectMsgAsync<AssociationEstablished>(Timeout);
        return (client, established);
    }
}
