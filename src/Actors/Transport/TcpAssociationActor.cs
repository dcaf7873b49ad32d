using System.Buffers;
using System.Net.Sockets;
using System.Threading.Channels;
using Akka.Actor;
using Akka.Event;
using RSerPool.Wire;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Framing;

namespace RSerPool.Actors.Transport;

/// <summary>
/// Wire actor owning one connected stream socket that carries ASAP or ENRP messages back to back
/// (docs/protocol-notes.md §2 convention). A read loop splits frames (length checked against the maximum before
/// buffering), decodes them off-actor and tells the handler <see cref="AssociationReceived{TMessage}"/> with this
/// actor as sender. Frames that cannot be processed are answered with an Error on the same association, which
/// survives (RFC 5352 §2.2.14, docs/protocol-notes.md §9); broken framing or an oversized declared length closes this
/// association only. Sends are encoded here and written in order by a write loop. The actor watches its handler
/// (death pact) and stops when the socket ends; watchers of this actor get Terminated.
/// </summary>
public sealed class TcpAssociationActor<TMessage> : ReceiveActor
    where TMessage : class
{
    private readonly Socket _socket;
    private readonly IActorRef _handler;
    private readonly IWireCodec<TMessage> _codec;
    private readonly AssociationSettings _settings;
    private readonly ILoggingAdapter _log;
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<byte[]> _outbound = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly string _peer;
    private long _pendingSendBytes;

    public TcpAssociationActor(Socket socket, IActorRef handler, IWireCodec<TMessage> codec, AssociationSettings settings)
    {
        _socket = socket;
        _handler = handler;
        _codec = codec;
        _settings = settings;
        _log = Context.GetLogger();
        _peer = socket.RemoteEndPoint?.ToString() ?? "unknown peer";

        Receive<AssociationSend<TMessage>>(send => Send(send.Message));
        Receive<AnswerFrame<TMessage>>(answer =>
        {
            _log.Warning("{Protocol} from {Peer}: {Cause}; answered with an Error", _codec.Name, _peer, answer.Cause);
            Send(answer.Reply);
        });
        Receive<DiscardedFrame>(discarded =>
            _log.Debug("{Protocol} from {Peer}: message discarded without answer: {Cause}", _codec.Name, _peer, discarded.Cause));
        Receive<CloseAssociation>(close =>
        {
            _log.Debug("{Protocol} association with {Peer} closing: {Reason}", _codec.Name, _peer, close.Reason);
            Context.Stop(Self);
        });
        Receive<ReadLoopEnded>(ended =>
        {
            if (ended.IsProtocolViolation)
            {
                _log.Warning("{Protocol} association with {Peer} closed: {Reason}", _codec.Name, _peer, ended.Reason);
            }
            else
            {
                _log.Debug("{Protocol} association with {Peer} ended: {Reason}", _codec.Name, _peer, ended.Reason);
            }
            Context.Stop(Self);
        });
        Receive<SendFailed>(failed =>
        {
            _log.Warning("{Protocol} association with {Peer} closed: send failed: {Reason}", _codec.Name, _peer, failed.Reason);
            Context.Stop(Self);
        });
        Receive<Terminated>(t => t.ActorRef.Equals(_handler), _ =>
        {
            _log.Debug("{Protocol} association with {Peer}: handler stopped, closing", _codec.Name, _peer);
            Context.Stop(Self);
        });
    }

    public static Props Props(Socket socket, IActorRef handler, IWireCodec<TMessage> codec, AssociationSettings settings) =>
        Akka.Actor.Props.Create(() => new TcpAssociationActor<TMessage>(socket, handler, codec, settings));

    protected override void PreStart()
    {
        Context.Watch(_handler);
        _handler.Tell(new AssociationEstablished(Self, _socket.RemoteEndPoint, _socket.LocalEndPoint), Self);
        var self = Self;
        _ = ReadLoopAsync(self, _stop.Token);
        _ = WriteLoopAsync(self, _stop.Token);
    }

    protected override void PostStop()
    {
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
            return;
        }
        var bytes = new byte[length];
        _codec.Encode(message, bytes);
        if (Interlocked.Add(ref _pendingSendBytes, length) > _settings.MaxPendingSendBytes)
        {
            _log.Warning("{Protocol} association with {Peer} closed: peer does not read ({Bytes} bytes pending)",
                _codec.Name, _peer, Interlocked.Read(ref _pendingSendBytes));
            Context.Stop(Self);
            return;
        }
        _outbound.Writer.TryWrite(bytes);
    }

    private async Task WriteLoopAsync(IActorRef self, CancellationToken cancel)
    {
        try
        {
            await BatchedSocketWriter.WriteAllAsync(_socket, _outbound.Reader, written => Interlocked.Add(ref _pendingSendBytes, -written), cancel)
                .ConfigureAwait(false);
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

    private async Task ReadLoopAsync(IActorRef self, CancellationToken cancel)
    {
        var buffer = new byte[Math.Min(_settings.ReceiveBufferSize, FrameSplitter.PaddedLength(_settings.MaxMessageLength))];
        int start = 0;
        int end = 0;
        try
        {
            while (true)
            {
                if (end == buffer.Length)
                {
                    (buffer, start, end) = MakeRoom(buffer, start, end);
                }
                int read = await _socket.ReceiveAsync(buffer.AsMemory(end), SocketFlags.None, cancel).ConfigureAwait(false);
                if (read == 0)
                {
                    self.Tell(new ReadLoopEnded("peer closed the connection", IsProtocolViolation: false), ActorRefs.NoSender);
                    return;
                }
                end += read;

                var pending = new ReadOnlySequence<byte>(buffer, start, end - start);
                while (true)
                {
                    var status = FrameSplitter.TryReadFrame(ref pending, _settings.MaxMessageLength, out var frame, out var frameError);
                    if (status == FrameReadStatus.NeedMoreData)
                    {
                        break;
                    }
                    if (status == FrameReadStatus.Malformed)
                    {
                        self.Tell(new ReadLoopEnded($"broken framing: {frameError}", IsProtocolViolation: true), ActorRefs.NoSender);
                        return;
                    }
                    Deliver(self, frame.FirstSpan);
                }
                start = end - (int)pending.Length;
                if (start == end)
                {
                    start = end = 0;
                }
            }
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            self.Tell(new ReadLoopEnded(e.Message, IsProtocolViolation: false), ActorRefs.NoSender);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            // The actor stopped and closed the socket: the loop ends with it.
            return;
        }
    }

    // Frames are contiguous because the buffer is one array: compact first, grow only for a longer frame.
    private (byte[] Buffer, int Start, int End) MakeRoom(byte[] buffer, int start, int end)
    {
        int used = end - start;
        if (start > 0)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, used);
            return (buffer, 0, used);
        }
        int limit = FrameSplitter.PaddedLength(_settings.MaxMessageLength);
        var larger = new byte[Math.Min(Math.Max(buffer.Length * 2, 1024), limit)];
        Buffer.BlockCopy(buffer, 0, larger, 0, used);
        return (larger, 0, used);
    }

    private void Deliver(IActorRef self, ReadOnlySpan<byte> frame)
    {
        bool decoded = _codec.TryDecode(frame, _settings.WireLimits, out var message, out var error, out var unrecognized);
        if (decoded)
        {
            _handler.Tell(new AssociationReceived<TMessage>(message!), self);
        }
        if (!decoded || !unrecognized.IsEmpty)
        {
            var reply = _codec.BuildErrorReply(frame, decoded ? DecodeError.None : error, unrecognized);
            var cause = decoded ? $"{unrecognized.Count} unrecognized parameter(s) to report" : error.ToString();
            if (reply is not null)
            {
                self.Tell(new AnswerFrame<TMessage>(reply, cause), ActorRefs.NoSender);
            }
            else if (!decoded)
            {
                self.Tell(new DiscardedFrame(cause), ActorRefs.NoSender);
            }
        }
    }
}
