using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Threading.Channels;
using Akka.Actor;
using Akka.Event;
using RSerPool.Actors.Metrics;
using RSerPool.Actors.Time;

namespace RSerPool.Actors.Transport;

/// <summary>
/// Wire actor owning one connected stream socket that carries ASAP or ENRP messages back to back
/// (docs/protocol-notes.md §2 convention). A <see cref="StreamReadLoop{TMessage}"/> splits and decodes frames off-actor
/// and tells the handler <see cref="AssociationReceived{TMessage}"/> with this actor as sender. Frames that cannot be
/// processed are answered with an Error on the same association, which survives (RFC 5352 §2.2.14,
/// docs/protocol-notes.md §9); broken framing or an oversized declared length closes this association only. Sends are
/// encoded here and written in order by a write loop. The actor watches its handler (death pact) and stops when the
/// socket ends; watchers of this actor get Terminated.
/// <para>
/// Hostile or broken peers stay bounded (<see cref="AssociationFlow"/>): at most
/// <see cref="AssociationSettings.MaxInFlightRequests"/> requests are read ahead of their answers and reading pauses
/// while answers are not drained, so no mailbox or queue on the path grows with what one peer sends; Error answers
/// wait for the answers to earlier requests (answers in request order); a peer that half-closes gets the answers to
/// what it sent before the association closes. A periodic liveness check closes an accepted connection that sends no
/// complete message within <see cref="AssociationSettings.FirstMessageTimeout"/>, one whose started frame does not
/// complete within <see cref="AssociationSettings.PartialFrameTimeout"/>, and one that reads nothing of what is
/// queued for it within <see cref="AssociationSettings.SendStallTimeout"/>.
/// </para>
/// <para>
/// With <see cref="AssociationSettings.Tls"/> the actor first runs the TLS handshake (server side when accepted, client
/// side otherwise; README "TLS"), stashing what it is told meanwhile; the handler hears
/// <see cref="AssociationEstablished"/> with the peer's certificate identity only once it succeeded. A refused
/// handshake is counted on the Meter, logged at WARN once per source and reason, and closes the connection.
/// </para>
/// </summary>
public sealed class TcpAssociationActor<TMessage> : ReceiveActor, IWithTimers, IWithUnboundedStash
    where TMessage : class
{
    private readonly Socket _socket;
    private readonly IActorRef _handler;
    private readonly IWireCodec<TMessage> _codec;
    private readonly AssociationSettings _settings;
    private readonly bool _accepted;
    private readonly ILoggingAdapter _log;
    private readonly BadFrameLog _badFrames;
    private readonly TimeProvider _clock;
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<byte[]> _outbound = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly AssociationFlow _flow;
    private readonly Queue<(AnswerFrame<TMessage> Answer, DateTimeOffset Since)> _heldErrors = new();
    private readonly string _peer;
    private long _answersSent;
    private DateTimeOffset _startedAt;
    private long _watchedPartialFrame;
    private DateTimeOffset _partialFrameSeenAt;
    private long _watchedBytesWritten;
    private DateTimeOffset _sendProgressAt;
    private DateTimeOffset? _drainingSince;
    private SslStream? _tlsStream;

    public TcpAssociationActor(Socket socket, IActorRef handler, IWireCodec<TMessage> codec, AssociationSettings settings, bool accepted)
    {
        _socket = socket;
        _handler = handler;
        _codec = codec;
        _settings = settings;
        _accepted = accepted;
        _log = Context.GetLogger();
        _clock = Context.System.Clock;
        _flow = new AssociationFlow(settings);
        _peer = socket.RemoteEndPoint?.ToString() ?? "unknown peer";
        _badFrames = new BadFrameLog(_log, codec.Name, _peer);
        if (settings.Tls is not null)
        {
            Become(Handshaking);
            return;
        }
        Connected();
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public IStash Stash { get; set; } = null!;

    private void Handshaking()
    {
        Receive<TlsEstablished>(established =>
        {
            _tlsStream = established.Stream;
            Become(Connected);
            Start(established.Identity);
            Stash.UnstashAll();
        });
        Receive<TlsFailed>(failed =>
        {
            RSerPoolMetrics.TlsHandshakeFailed(failed.Refusal);
            string source = (_socket.RemoteEndPoint as IPEndPoint)?.Address.ToString() ?? _peer;
            if (_settings.Tls!.FirstRefusal(source, failed.Refusal))
            {
                _log.Warning("{Protocol} TLS handshake with {Peer} refused ({Reason}): {Detail} (logged once per source and reason)",
                    _codec.Name, _peer, TlsRefusalNames.Of(failed.Refusal), failed.Detail);
            }
            else
            {
                _log.Debug("{Protocol} TLS handshake with {Peer} refused ({Reason}): {Detail}", _codec.Name, _peer, TlsRefusalNames.Of(failed.Refusal), failed.Detail);
            }
            Context.Stop(Self);
        });
        Receive<Terminated>(t => t.ActorRef.Equals(_handler), _ => Context.Stop(Self));
        Receive<CloseAssociation>(_ => Context.Stop(Self));
        ReceiveAny(_ => Stash.Stash());
    }

    private void Connected()
    {
        Receive<AssociationSend<TMessage>>(send => Send(send.Message));
        Receive<AnswerFrame<TMessage>>(OnAnswerFrame);
        Receive<DiscardedFrame>(discarded =>
        {
            _flow.Answered();
            _log.Debug("{Protocol} from {Peer}: message discarded without answer: {Cause}", _codec.Name, _peer, discarded.Cause);
        });
        Receive<CloseAssociation>(close =>
        {
            _log.Debug("{Protocol} association with {Peer} closing: {Reason}", _codec.Name, _peer, close.Reason);
            Context.Stop(Self);
        });
        Receive<ReadLoopEnded>(OnReadLoopEnded);
        Receive<WriteLoopEnded>(_ =>
        {
            _log.Debug("{Protocol} association with {Peer}: every answer sent, closing", _codec.Name, _peer);
            Context.Stop(Self);
        });
        Receive<SendFailed>(failed =>
        {
            _log.Warning("{Protocol} association with {Peer} closed: send failed: {Reason}", _codec.Name, _peer, failed.Reason);
            Context.Stop(Self);
        });
        Receive<LivenessCheck>(_ => CheckLiveness());
        Receive<ThrottleReading>(throttle =>
        {
            if (_flow.Throttle())
            {
                _log.Debug("{Protocol} association with {Peer}: over a rate limit, not read for {Pause}", _codec.Name, _peer, throttle.For);
                Timers.StartSingleTimer(nameof(ResumeReading), ResumeReading.Instance, throttle.For);
            }
        });
        Receive<ResumeReading>(_ => _flow.EndThrottle());
        Receive<Terminated>(t => t.ActorRef.Equals(_handler), _ =>
        {
            _log.Debug("{Protocol} association with {Peer}: handler stopped, closing", _codec.Name, _peer);
            Context.Stop(Self);
        });
    }

    /// <summary>
    /// The wire actor of <paramref name="socket"/>. <paramref name="accepted"/>: the peer connected to us, so it must
    /// send a complete first message within <see cref="AssociationSettings.FirstMessageTimeout"/>.
    /// </summary>
    public static Props Props(Socket socket, IActorRef handler, IWireCodec<TMessage> codec, AssociationSettings settings, bool accepted = false) =>
        Akka.Actor.Props.Create(() => new TcpAssociationActor<TMessage>(socket, handler, codec, settings, accepted));

    protected override void PreStart()
    {
        Context.Watch(_handler);
        if (_settings.Tls is { } tls)
        {
            TlsHandshake.RunAsync(_socket, tls, server: _accepted, _stop.Token).PipeTo(Self, Self,
                established => established,
                failure => failure is TlsHandshakeException refused
                    ? new TlsFailed(refused.Refusal, refused.Message)
                    : new TlsFailed(TlsRefusal.HandshakeFailed, failure.GetBaseException().Message));
            return;
        }
        Start(identity: null);
    }

    private void Start(AssociationIdentity? identity)
    {
        _handler.Tell(new AssociationEstablished(Self, _socket.RemoteEndPoint, _socket.LocalEndPoint, identity), Self);
        _startedAt = _sendProgressAt = _clock.GetUtcNow();
        Timers.StartPeriodicTimer("liveness", LivenessCheck.Instance, _settings.LivenessCheckInterval);
        var self = Self;
        _ = new StreamReadLoop<TMessage>(_socket, _tlsStream, self, _handler, _codec, _settings, _flow).RunAsync(_stop.Token);
        _ = WriteLoopAsync(self, _stop.Token);
    }

    protected override void PostStop()
    {
        _badFrames.LogSummary();
        _stop.Cancel();
        _outbound.Writer.TryComplete();
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException e)
        {
            _log.Debug("{Protocol} association with {Peer}: shutdown: {Error}", _codec.Name, _peer, e.SocketErrorCode);
        }
        catch (ObjectDisposedException)
        {
            _log.Debug("{Protocol} association with {Peer}: socket already closed", _codec.Name, _peer);
        }
        _tlsStream?.Dispose();
        _socket.Dispose();
        _stop.Dispose();
    }

    private void Send(TMessage message)
    {
        int length;
        try
        {
            length = _codec.GetEncodedLength(message);
        }
        catch (ArgumentException e)
        {
            // An answer that repeats a near-64 KiB request field (a pool handle, and its echo in a cause) exceeds the
            // 16-bit Message Length (docs/protocol-notes.md §3): it is dropped and the association lives on (issue 13).
            _log.Warning("{Protocol} association with {Peer}: {Message} not sent: {Error}", _codec.Name, _peer, message.GetType().Name, e.Message);
            if (_codec.IsAnswer(message))
            {
                // The request is settled (unanswerable), so it no longer holds an in-flight slot or a half-close open.
                _answersSent++;
                _flow.Answered();
                SendHeldErrors(force: false);
                FinishIfDrained();
            }

            return;
        }
        var bytes = new byte[length];
        _codec.Encode(message, bytes);
        long pending = _flow.Queued(length);
        if (pending > _settings.MaxPendingSendBytes)
        {
            Close(ConnectionEvent.ClosedPeerDoesNotRead, $"peer does not read ({pending} bytes pending)");
            return;
        }
        _outbound.Writer.TryWrite(bytes);
        if (_codec.IsAnswer(message))
        {
            _answersSent++;
            _flow.Answered();
            SendHeldErrors(force: false);
            FinishIfDrained();
        }
    }

    // An Error answering a frame waits until the requests read before that frame are answered (RFC 5352 §2.2.14).
    private void OnAnswerFrame(AnswerFrame<TMessage> answer)
    {
        if (_heldErrors.Count == 0 && _answersSent >= answer.AfterRequests)
        {
            SendError(answer);
            FinishIfDrained();
            return;
        }
        _heldErrors.Enqueue((answer, _clock.GetUtcNow()));
    }

    private void SendError(AnswerFrame<TMessage> answer)
    {
        _badFrames.Note(answer.Cause);
        _flow.Answered();
        Send(answer.Reply);
    }

    // force: the answers the held Errors wait for are overdue (a request the handler never answered), so order gives way.
    private void SendHeldErrors(bool force)
    {
        while (_heldErrors.TryPeek(out var held) && (force || _answersSent >= held.Answer.AfterRequests))
        {
            _heldErrors.Dequeue();
            SendError(held.Answer);
        }
    }

    private void OnReadLoopEnded(ReadLoopEnded ended)
    {
        if (ended.IsProtocolViolation)
        {
            _log.Warning("{Protocol} association with {Peer} closed: {Reason}", _codec.Name, _peer, ended.Reason);
        }
        else
        {
            _log.Debug("{Protocol} association with {Peer} ended: {Reason}", _codec.Name, _peer, ended.Reason);
        }
        if (!ended.Drain)
        {
            Context.Stop(Self);
            return;
        }
        _drainingSince = _clock.GetUtcNow();
        FinishIfDrained();
    }

    // Reading ended but the peer may still read: once every answer owed is queued, the write loop sends it and ends.
    private void FinishIfDrained()
    {
        if (_drainingSince is not null && _flow.InFlight == 0 && _heldErrors.Count == 0)
        {
            _outbound.Writer.TryComplete();
        }
    }

    private void CheckLiveness()
    {
        DateTimeOffset now = _clock.GetUtcNow();
        if (_drainingSince is { } draining && now - draining >= _settings.SendStallTimeout)
        {
            Close(ConnectionEvent.ClosedAnswersNotDrained, $"{_flow.InFlight} answer(s) still owed {_settings.SendStallTimeout.TotalSeconds:0.###} s after the peer stopped sending");
            return;
        }
        if (_accepted && _flow.FramesRead == 0 && now - _startedAt >= _settings.FirstMessageTimeout)
        {
            Close(ConnectionEvent.ClosedNoFirstMessage, $"no complete message within {_settings.FirstMessageTimeout.TotalSeconds:0.###} s of connecting");
            return;
        }
        long partial = _flow.PartialFrame;
        if (partial == 0 || partial != _watchedPartialFrame)
        {
            _watchedPartialFrame = partial;
            _partialFrameSeenAt = now;
        }
        else if (now - _partialFrameSeenAt >= _settings.PartialFrameTimeout)
        {
            Close(ConnectionEvent.ClosedPartialFrame, $"a started message not completed within {_settings.PartialFrameTimeout.TotalSeconds:0.###} s");
            return;
        }
        long written = _flow.BytesWritten;
        if (_flow.PendingSendBytes == 0 || written != _watchedBytesWritten)
        {
            _watchedBytesWritten = written;
            _sendProgressAt = now;
        }
        else if (now - _sendProgressAt >= _settings.SendStallTimeout)
        {
            Close(ConnectionEvent.ClosedPeerDoesNotRead, $"peer does not read ({_flow.PendingSendBytes} bytes pending for {_settings.SendStallTimeout.TotalSeconds:0.###} s)");
            return;
        }
        if (_heldErrors.TryPeek(out var held) && now - held.Since >= _settings.SendStallTimeout)
        {
            SendHeldErrors(force: true);
            FinishIfDrained();
        }
    }

    private void Close(ConnectionEvent cause, string reason)
    {
        _settings.Counters.Count(cause);
        _log.Warning("{Protocol} association with {Peer} closed: {Reason}", _codec.Name, _peer, reason);
        Context.Stop(Self);
    }

    private async Task WriteLoopAsync(IActorRef self, CancellationToken cancel)
    {
        try
        {
            if (_tlsStream is { } tls)
            {
                await BatchedSocketWriter.WriteAllAsync(tls, _outbound.Reader, _flow.Written, cancel).ConfigureAwait(false);
            }
            else
            {
                await BatchedSocketWriter.WriteAllAsync(_socket, _outbound.Reader, _flow.Written, cancel).ConfigureAwait(false);
            }
            if (!cancel.IsCancellationRequested)
            {
                self.Tell(new WriteLoopEnded(), ActorRefs.NoSender);
            }
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            self.Tell(new SendFailed(e.Message), ActorRefs.NoSender);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            // The actor stopped and closed the socket: the loop ends with it.
            return;
        }
    }
}
