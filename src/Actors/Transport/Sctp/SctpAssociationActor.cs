using Akka.Actor;
using Akka.Event;

namespace RSerPool.Actors.Transport.Sctp;

/// <summary>
/// Wire actor owning one kernel SCTP association (one-to-one socket) that carries ASAP or ENRP: one protocol message
/// per SCTP user message (RFC 5352 §5, RFC 5353 §3.1), sent with <see cref="SctpSettings.PayloadProtocolId"/> on
/// <see cref="SctpSettings.Stream"/>. It mirrors <see cref="TcpAssociationActor{TMessage}"/> for its handler:
/// <see cref="AssociationEstablished"/> first, then <see cref="AssociationReceived{TMessage}"/> with this actor as
/// sender; <see cref="AssociationSend{TMessage}"/> and <see cref="CloseAssociation"/> as commands; Error answers for
/// frames that cannot be processed (docs/protocol-notes.md §9); death pact with the handler; it stops when the association ends.
/// A read thread waits on the socket (at most <see cref="SctpSettings.PollInterval"/> at a time), joins the pieces of
/// a message up to MSG_EOR (longer than the maximum message length: the association is closed), and tells this actor
/// the notifications (<see cref="SctpAssociationEvent"/>: up, lost, shutdown, peer address changes). Received
/// messages with another PPID than the association's (or 0, unspecified) are discarded and logged.
/// </summary>
public sealed class SctpAssociationActor<TMessage> : ReceiveActor
    where TMessage : class
{
    private readonly SctpSocket _socket;
    private readonly IActorRef _handler;
    private readonly IWireCodec<TMessage> _codec;
    private readonly AssociationSettings _settings;
    private readonly SctpSettings _sctp;
    private readonly ILoggingAdapter _log;
    private readonly BadFrameLog _badFrames;
    private readonly CancellationTokenSource _stop = new();
    private readonly SctpOutbound _outbound;
    private readonly string _peer;

    public SctpAssociationActor(SctpSocket socket, IActorRef handler, IWireCodec<TMessage> codec, AssociationSettings settings, SctpSettings sctp)
    {
        _socket = socket;
        _handler = handler;
        _codec = codec;
        _settings = settings;
        _sctp = sctp;
        _log = Context.GetLogger();
        _peer = socket.RemoteEndPoint?.ToString() ?? "unknown peer";
        _badFrames = new BadFrameLog(_log, $"{codec.Name} over SCTP", _peer);
        _outbound = new SctpOutbound(socket, new SctpSendInfo(sctp.Stream, sctp.PayloadProtocolId, sctp.Unordered), settings.MaxPendingSendBytes,
            sctp.PollInterval);

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
        Receive<ReadLoopEnded>(ended =>
        {
            if (ended.IsProtocolViolation)
            {
                _log.Warning("{Protocol} SCTP association with {Peer} closed: {Reason}", _codec.Name, _peer, ended.Reason);
            }
            else
            {
                _log.Debug("{Protocol} SCTP association with {Peer} ended: {Reason}", _codec.Name, _peer, ended.Reason);
            }
            Context.Stop(Self);
        });
        Receive<SendFailed>(failed =>
        {
            _log.Warning("{Protocol} SCTP association with {Peer} closed: send failed: {Reason}", _codec.Name, _peer, failed.Reason);
            Context.Stop(Self);
        });
        Receive<Terminated>(t => t.ActorRef.Equals(_handler), _ =>
        {
            _log.Debug("{Protocol} SCTP association with {Peer}: handler stopped, closing", _codec.Name, _peer);
            Context.Stop(Self);
        });
    }

    public static Props Props(SctpSocket socket, IActorRef handler, IWireCodec<TMessage> codec, AssociationSettings settings, SctpSettings sctp) =>
        Akka.Actor.Props.Create(() => new SctpAssociationActor<TMessage>(socket, handler, codec, settings, sctp));

    protected override void PreStart()
    {
        Context.Watch(_handler);
        _handler.Tell(new AssociationEstablished(Self, _socket.RemoteEndPoint, _socket.LocalEndPoint), Self);
        var self = Self;
        var cancel = _stop.Token;
        _ = Task.Factory.StartNew(() => ReadLoop(self, cancel), cancel, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        _outbound.Start(self, cancel);
    }

    protected override void PostStop()
    {
        _badFrames.LogSummary();
        _stop.Cancel();
        _outbound.Complete();
        _socket.Shutdown();
        _socket.Dispose();
    }

    private void OnEvent(SctpAssociationEvent sctpEvent)
    {
        _log.Debug("{Protocol} SCTP association with {Peer}: {Event}", _codec.Name, _peer, sctpEvent.Describe());
        if (sctpEvent.EndsAssociation)
        {
            Context.Stop(Self);
        }
    }

    private void Send(TMessage message, ushort? stream = null, bool unordered = false, uint? payloadProtocolId = null)
    {
        if (!_outbound.TryEnqueue(_codec, message, stream, unordered, payloadProtocolId))
        {
            _log.Warning("{Protocol} SCTP association with {Peer} closed: peer does not read ({Bytes} bytes pending)",
                _codec.Name, _peer, _outbound.PendingBytes);
            Context.Stop(Self);
        }
    }

    private void ReadLoop(IActorRef self, CancellationToken cancel)
    {
        var buffer = new byte[_settings.MaxMessageLength];
        var control = new byte[SctpControlMessages.ReceiveControlSpace];
        int filled = 0;
        SctpReceiveInfo? info = null;
        try
        {
            while (!cancel.IsCancellationRequested)
            {
                if (!_socket.WaitReady(write: false, _sctp.PollInterval))
                {
                    continue;
                }
                while (!cancel.IsCancellationRequested)
                {
                    if (filled == buffer.Length)
                    {
                        self.Tell(new ReadLoopEnded($"message longer than {buffer.Length} bytes", IsProtocolViolation: true), ActorRefs.NoSender);
                        return;
                    }
                    var result = _socket.TryReceive(buffer, filled, control);
                    if (result.Status == SctpReceiveStatus.WouldBlock)
                    {
                        break;
                    }
                    if (result.Status == SctpReceiveStatus.Closed)
                    {
                        self.Tell(new ReadLoopEnded("peer closed the association", IsProtocolViolation: false), ActorRefs.NoSender);
                        return;
                    }
                    if (result.Status == SctpReceiveStatus.Failed)
                    {
                        self.Tell(new ReadLoopEnded(new SctpException("recvmsg", result.Errno).Message, IsProtocolViolation: false), ActorRefs.NoSender);
                        return;
                    }
                    if (result.IsNotification)
                    {
                        // Read after any partial data, so the data's pieces stay where they are.
                        if (result.EndOfMessage && SctpNotifications.TryParse(buffer.AsSpan(filled, result.Bytes), out var sctpEvent))
                        {
                            self.Tell(sctpEvent!, ActorRefs.NoSender);
                        }
                        continue;
                    }
                    info ??= result.Info;
                    filled += result.Bytes;
                    if (result.EndOfMessage)
                    {
                        SctpInbound.Deliver(buffer.AsSpan(0, filled), info, _sctp.PayloadProtocolId, _codec, _settings.WireLimits, _handler, self);
                        filled = 0;
                        info = null;
                    }
                }
            }
        }
        catch (ObjectDisposedException)
        {
            // The actor stopped and closed the socket: the loop ends with it.
            return;
        }
    }
}
