using System.Threading.Channels;
using Akka.Actor;

namespace RSerPool.Actors.Transport.Sctp;

/// <summary>
/// The outgoing side of one SCTP association: one sendmsg (one SCTP user message) per message, with <c>sendInfo</c>
/// or the stream, PPID and flags given with the message (the association id stays). While nothing is queued the
/// owning actor sends at once on its own thread (non-blocking; no hop to the thread pool, docs/bench-registrar.md);
/// otherwise, or when the socket's send buffer is full, the message is queued and a write loop sends the queue in
/// order, waiting while the send buffer is full. Bytes queued but not yet sent are counted against <c>maxPendingBytes</c>; a failed send is told to the
/// actor as <see cref="SendFailed"/>, and, when asked for at start, the end of the queue after <see cref="Complete"/>.
/// </summary>
internal sealed class SctpOutbound
{
    private readonly SctpSocket _socket;
    private readonly SctpSendInfo _sendInfo;
    private readonly long _maxPendingBytes;
    private readonly TimeSpan _pollInterval;
    private readonly Channel<(byte[] Bytes, SctpSendInfo Info)> _queue = Channel.CreateUnbounded<(byte[] Bytes, SctpSendInfo Info)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private long _pendingBytes;

    public SctpOutbound(SctpSocket socket, SctpSendInfo sendInfo, long maxPendingBytes, TimeSpan pollInterval)
    {
        _socket = socket;
        _sendInfo = sendInfo;
        _maxPendingBytes = maxPendingBytes;
        _pollInterval = pollInterval;
    }

    public long PendingBytes => Interlocked.Read(ref _pendingBytes);

    /// <summary>
    /// Queues <paramref name="message"/> with the stream, PPID and flags of <paramref name="info"/> (the association id
    /// stays); false when that would exceed the pending limit (the peer does not read).
    /// </summary>
    public bool TryEnqueue(byte[] message, SctpSendInfo info) => Queue(message, info with { AssociationId = _sendInfo.AssociationId });

    /// <summary>
    /// Encodes <paramref name="message"/> and queues it with the association's send info, or on <paramref name="stream"/>
    /// (unordered, with <paramref name="payloadProtocolId"/> when given) when a stream is named; false as above.
    /// </summary>
    public bool TryEnqueue<TMessage>(IWireCodec<TMessage> codec, TMessage message, ushort? stream = null, bool unordered = false, uint? payloadProtocolId = null)
        where TMessage : class
    {
        var bytes = new byte[codec.GetEncodedLength(message)];
        codec.Encode(message, bytes);
        return stream is { } chosen
            ? Queue(bytes, _sendInfo with { Stream = chosen, Unordered = unordered, PayloadProtocolId = payloadProtocolId ?? _sendInfo.PayloadProtocolId })
            : Queue(bytes, _sendInfo);
    }

    private bool Queue(byte[] message, SctpSendInfo info)
    {
        // Nothing queued or being sent (the write loop counts a message until it is sent): this one cannot overtake.
        if (Interlocked.Read(ref _pendingBytes) == 0 && TrySendNow(message, info))
        {
            return true;
        }
        if (Interlocked.Add(ref _pendingBytes, message.Length) > _maxPendingBytes)
        {
            return false;
        }
        _queue.Writer.TryWrite((message, info));
        return true;
    }

    // Sent when the kernel takes it at once; a full send buffer or a failure leaves it to the write loop (which waits,
    // or tells the owner SendFailed).
    private bool TrySendNow(byte[] message, SctpSendInfo info)
    {
        try
        {
            return _socket.TrySend(message, info, out _) == SctpSendStatus.Sent;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }

    /// <summary>Starts the write loop; it tells <paramref name="owner"/> <paramref name="whenDrained"/> (if any) once everything queued before <see cref="Complete"/> is sent.</summary>
    public void Start(IActorRef owner, CancellationToken cancel, object? whenDrained = null) => _ = WriteLoopAsync(owner, cancel, whenDrained);

    /// <summary>No more messages: the write loop ends (what is still queued is dropped when <c>cancel</c> fired).</summary>
    public void Complete() => _queue.Writer.TryComplete();

    private async Task WriteLoopAsync(IActorRef owner, CancellationToken cancel, object? whenDrained)
    {
        try
        {
            await foreach (var (bytes, info) in _queue.Reader.ReadAllAsync(cancel).ConfigureAwait(false))
            {
                while (true)
                {
                    var status = _socket.TrySend(bytes, info, out int errno);
                    if (status == SctpSendStatus.Sent)
                    {
                        break;
                    }
                    if (status == SctpSendStatus.Failed)
                    {
                        owner.Tell(new SendFailed(new SctpException("sendmsg", errno).Message), ActorRefs.NoSender);
                        return;
                    }
                    cancel.ThrowIfCancellationRequested();
                    _socket.WaitReady(write: true, _pollInterval);
                }
                Interlocked.Add(ref _pendingBytes, -bytes.Length);
            }
            if (whenDrained is not null)
            {
                owner.Tell(whenDrained, ActorRefs.NoSender);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            // The actor stopped and closed the socket (or its association): the loop ends with it.
            return;
        }
    }
}
