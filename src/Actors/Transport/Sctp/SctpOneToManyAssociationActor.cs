using System.Collections.Concurrent;
using System.Net;
using Akka.Actor;
using Akka.Event;

namespace RSerPool.Actors.Transport.Sctp;

/// <summary>
/// Wire actor for one association of a one-to-many SCTP socket (RFC 6458 §3), child of
/// <see cref="SctpOneToManyListenerActor{TMessage}"/>, with the same contract for its handler as
/// <see cref="SctpAssociationActor{TMessage}"/> and <see cref="TcpAssociationActor{TMessage}"/>:
/// <see cref="AssociationEstablished"/> first, then <see cref="AssociationReceived{TMessage}"/> with this actor as
/// sender; <see cref="AssociationSend{TMessage}"/> and <see cref="CloseAssociation"/> as commands; Error answers for
/// messages that cannot be processed (docs/protocol-notes.md §9); death pact with the handler; it stops when the association ends.
/// The listener's read loop routes this association's notifications here (<see cref="SctpAssociationEvent"/>: up, lost,
/// shutdown, peer address changes) and its messages until this actor has published its <see cref="SctpOneToManyRoute"/>;
/// from then on the read loop decodes them and tells the handler itself, with this actor as sender. Sends go out on the shared socket naming the
/// association (snd_assoc_id) with <see cref="SctpSettings.PayloadProtocolId"/> on <see cref="SctpSettings.Stream"/>.
/// When it stops while the association lives, it ends the association: SHUTDOWN (SCTP_EOF) when closed or left by its
/// handler, ABORT (SCTP_ABORT) after a protocol violation or a peer that does not read. The established message names
/// the peer's primary address and the listener's bound endpoint (a wildcard address when the listener is bound to one).
/// </summary>
public sealed class SctpOneToManyAssociationActor<TMessage> : ReceiveActor
    where TMessage : class
{
    private readonly SctpSocket _socket;
    private readonly int _associationId;
    private readonly IPEndPoint? _remote;
    private readonly IPEndPoint? _local;
    private readonly IActorRef _handler;
    private readonly IWireCodec<TMessage> _codec;
    private readonly AssociationSettings _settings;
    private readonly SctpSettings _sctp;
    private readonly ILoggingAdapter _log;
    private readonly BadFrameLog _badFrames;
    private readonly CancellationTokenSource _stop = new();
    private readonly SctpOutbound _outbound;
    private readonly string _peer;
    private readonly ConcurrentDictionary<int, SctpOneToManyRoute> _routes;
    private readonly SctpOneToManyRoute<TMessage> _route;
    private bool _ended;
    private bool _abortOnStop;

    public SctpOneToManyAssociationActor(SctpSocket socket, int associationId, IPEndPoint? remote, IPEndPoint? local, IActorRef handler,
        IWireCodec<TMessage> codec, AssociationSettings settings, SctpSettings sctp, ConcurrentDictionary<int, SctpOneToManyRoute> routes)
    {
        _socket = socket;
        _associationId = associationId;
        _remote = remote;
        _local = local;
        _handler = handler;
        _codec = codec;
        _settings = settings;
        _sctp = sctp;
        _log = Context.GetLogger();
        _peer = $"{remote?.ToString() ?? "unknown peer"} (association {associationId})";
        _badFrames = new BadFrameLog(_log, $"{codec.Name} over SCTP", _peer);
        _outbound = new SctpOutbound(socket, new SctpSendInfo(sctp.Stream, sctp.PayloadProtocolId, sctp.Unordered, AssociationId: associationId),
            settings.MaxPendingSendBytes, sctp.PollInterval);
        _routes = routes;
        _route = new SctpOneToManyRoute<TMessage>(sctp.PayloadProtocolId, codec, settings.WireLimits, handler, Self);

        Receive<SctpEndpointFrame>(frame =>
        {
            SctpInbound.Deliver(frame.Frame, frame.Info, _sctp.PayloadProtocolId, _codec, _settings.WireLimits, _handler, Self);
            _route.NoteDelivered();
        });
        Receive<AssociationSend<TMessage>>(send => Send(send.Message));
        Receive<SctpAssociationSend<TMessage>>(send => Send(send.Message, send.Stream, send.Unordered, send.PayloadProtocolId));
        Receive<AnswerFrame<TMessage>>(answer =>
        {
            _badFrames.Note(answer.Cause);
            Send(answer.Reply);
        });
        Receive<DiscardedFrame>(discarded =>
            _log.Debug("{Protocol} from {Peer} over SCTP: message discarded without answer: {Cause}", _codec.Name, _peer, discarded.Cause));
        Receive<SctpUnexpectedPayload>(other =>
            _log.Info("{Protocol} from {Peer} over SCTP: {Length}-byte message with PPID {Ppid} on stream {Stream} discarded (expected PPID {Expected})",
                _codec.Name, _peer, other.Length, other.PayloadProtocolId, other.Stream, _sctp.PayloadProtocolId));
        Receive<SctpAssociationEvent>(OnEvent);
        // Rate-limit pauses are for stream associations; over SCTP the refusals alone answer a flood (README "Failure model").
        Receive<ThrottleReading>(_ => { });
        Receive<CloseAssociation>(close =>
        {
            _log.Debug("{Protocol} SCTP association with {Peer} closing: {Reason}", _codec.Name, _peer, close.Reason);
            Context.Stop(Self);
        });
        Receive<SctpOversizedMessage>(oversized =>
        {
            _log.Warning("{Protocol} SCTP association with {Peer} aborted: message longer than {Limit} bytes", _codec.Name, _peer, oversized.Limit);
            _abortOnStop = true;
            Context.Stop(Self);
        });
        Receive<SendFailed>(failed =>
        {
            _log.Warning("{Protocol} SCTP association with {Peer} aborted: send failed: {Reason}", _codec.Name, _peer, failed.Reason);
            _abortOnStop = true;
            Context.Stop(Self);
        });
        Receive<Terminated>(t => t.ActorRef.Equals(_handler), _ =>
        {
            _log.Debug("{Protocol} SCTP association with {Peer}: handler stopped, closing", _codec.Name, _peer);
            Context.Stop(Self);
        });
    }

    public static Props Props(SctpSocket socket, int associationId, IPEndPoint? remote, IPEndPoint? local, IActorRef handler,
        IWireCodec<TMessage> codec, AssociationSettings settings, SctpSettings sctp, ConcurrentDictionary<int, SctpOneToManyRoute> routes) =>
        Akka.Actor.Props.Create(() => new SctpOneToManyAssociationActor<TMessage>(socket, associationId, remote, local, handler, codec, settings, sctp, routes));

    protected override void PreStart()
    {
        Context.Watch(_handler);
        _handler.Tell(new AssociationEstablished(Self, _remote, _local), Self);
        _outbound.Start(Self, _stop.Token);
        // After AssociationEstablished: the handler hears of the association before any message the read loop sends it.
        _routes[_associationId] = _route;
    }

    protected override void PostStop()
    {
        _routes.TryRemove(new KeyValuePair<int, SctpOneToManyRoute>(_associationId, _route));
        _badFrames.LogSummary();
        _stop.Cancel();
        _outbound.Complete();
        if (!_ended)
        {
            // The socket is shared: only this association ends (RFC 6458 §3.1.4).
            _socket.EndAssociation(_associationId, abort: _abortOnStop);
        }
    }

    private void OnEvent(SctpAssociationEvent sctpEvent)
    {
        _log.Debug("{Protocol} SCTP association with {Peer}: {Event}", _codec.Name, _peer, sctpEvent.Describe());
        if (sctpEvent.EndsAssociation)
        {
            _ended = true;
            Context.Stop(Self);
        }
    }

    private void Send(TMessage message, ushort? stream = null, bool unordered = false, uint? payloadProtocolId = null)
    {
        if (!_outbound.TryEnqueue(_codec, message, stream, unordered, payloadProtocolId))
        {
            _log.Warning("{Protocol} SCTP association with {Peer} aborted: peer does not read ({Bytes} bytes pending)",
                _codec.Name, _peer, _outbound.PendingBytes);
            _abortOnStop = true;
            Context.Stop(Self);
        }
    }
}
