using System.Buffers;
using System.Net.Sockets;
using Akka.Actor;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Framing;

namespace RSerPool.Actors.Transport;

/// <summary>
/// The read loop of <see cref="TcpAssociationActor{TMessage}"/>: splits frames (length checked against the maximum
/// before buffering, docs/protocol-notes.md §2), decodes them off-actor and tells the handler each message with the
/// association as sender. Before each frame it waits while <see cref="AssociationFlow.CanRead"/> is false, so a peer
/// that floods requests or never reads its answers is simply not read any further (TCP flow control then stops it),
/// and it reports partial frames to the flow for the association's liveness check.
/// </summary>
internal sealed class StreamReadLoop<TMessage>(Socket socket, Stream? tls, IActorRef association, IActorRef handler, IWireCodec<TMessage> codec,
    AssociationSettings settings, AssociationFlow flow)
    where TMessage : class
{
    public async Task RunAsync(CancellationToken cancel)
    {
        var buffer = new byte[Math.Min(settings.ReceiveBufferSize, FrameSplitter.PaddedLength(settings.MaxMessageLength))];
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
                int read = tls is null
                    ? await socket.ReceiveAsync(buffer.AsMemory(end), SocketFlags.None, cancel).ConfigureAwait(false)
                    : await tls.ReadAsync(buffer.AsMemory(end), cancel).ConfigureAwait(false);
                if (read == 0)
                {
                    // A half-close: the peer may still read, so what it sent is answered first.
                    association.Tell(new ReadLoopEnded("peer closed the connection", IsProtocolViolation: false) { Drain = true }, ActorRefs.NoSender);
                    return;
                }
                end += read;

                var pending = new ReadOnlySequence<byte>(buffer, start, end - start);
                bool completed = false;
                while (true)
                {
                    if (!flow.CanRead())
                    {
                        settings.Counters.Count(ConnectionEvent.ReadingPaused);
                        await flow.Gate.WaitUntilAsync(flow.CanRead, cancel).ConfigureAwait(false);
                    }
                    var status = FrameSplitter.TryReadFrame(ref pending, settings.MaxMessageLength, out var frame, out var frameError);
                    if (status == FrameReadStatus.NeedMoreData)
                    {
                        break;
                    }
                    if (status == FrameReadStatus.Malformed)
                    {
                        association.Tell(new ReadLoopEnded($"broken framing: {frameError}", IsProtocolViolation: true) { Drain = true }, ActorRefs.NoSender);
                        return;
                    }
                    completed = true;
                    Deliver(frame.FirstSpan);
                }
                start = end - (int)pending.Length;
                if (start == end)
                {
                    start = end = 0;
                    flow.NoPartialFrame();
                }
                else
                {
                    flow.PartialFrameLeft(newFrame: completed);
                }
            }
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            association.Tell(new ReadLoopEnded(e.Message, IsProtocolViolation: false), ActorRefs.NoSender);
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
        int limit = FrameSplitter.PaddedLength(settings.MaxMessageLength);
        var larger = new byte[Math.Min(Math.Max(buffer.Length * 2, 1024), limit)];
        Buffer.BlockCopy(buffer, 0, larger, 0, used);
        return (larger, 0, used);
    }

    private void Deliver(ReadOnlySpan<byte> frame)
    {
        flow.FrameRead();
        bool decoded = codec.TryDecode(frame, settings.WireLimits, out var message, out var error, out var unrecognized);
        long requestsBefore = flow.RequestsRead;
        if (decoded)
        {
            if (codec.IsRequest(message!))
            {
                requestsBefore = flow.RequestRead();
            }
            handler.Tell(new AssociationReceived<TMessage>(message!), association);
        }
        if (!decoded || !unrecognized.IsEmpty)
        {
            var reply = codec.BuildErrorReply(frame, decoded ? DecodeError.None : error, unrecognized);
            var cause = decoded ? $"{unrecognized.Count} unrecognized parameter(s) to report" : error.ToString();
            if (reply is not null)
            {
                flow.ReplyOwed();
                association.Tell(new AnswerFrame<TMessage>(reply, cause) { AfterRequests = requestsBefore }, ActorRefs.NoSender);
            }
            else if (!decoded)
            {
                flow.ReplyOwed();
                association.Tell(new DiscardedFrame(cause), ActorRefs.NoSender);
            }
        }
    }
}
