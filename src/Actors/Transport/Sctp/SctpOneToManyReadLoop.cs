using System.Buffers;
using System.Collections.Concurrent;
using Akka.Actor;
using RSerPool.Actors.Dispatch;

namespace RSerPool.Actors.Transport.Sctp;

/// <summary>
/// The one read loop of a one-to-many SCTP socket (RFC 6458 §3), on a dedicated thread: waits on the socket (at most
/// the poll interval at a time) and tells the listener actor each complete message as <see cref="SctpEndpointFrame"/>
/// (association from rcv_assoc_id), each notification as <see cref="SctpAssociationEvent"/> (association from the
/// notification; for COMM_UP with the peer's primary address), a message longer than the maximum as
/// <see cref="SctpOversizedMessage"/> (the rest of it is dropped up to MSG_EOR), and its own end as
/// <see cref="ReadLoopEnded"/>. A message that arrives in pieces (partial delivery, RFC 6458 §8.1.20) is joined per
/// association; Linux's default fragment interleave level 0 keeps at most one such message in progress.
/// Once an association's actor has published its <see cref="SctpOneToManyRoute"/> in <c>routes</c>, its messages are
/// decoded here and go straight to the handler (after those already sent the slow way, which keep their order).
/// </summary>
internal sealed class SctpOneToManyReadLoop
{
    private readonly SctpSocket _socket;
    private readonly IActorRef _listener;
    private readonly int _maxMessageLength;
    private readonly TimeSpan _pollInterval;
    private readonly Dictionary<int, (ArrayBufferWriter<byte> Bytes, SctpReceiveInfo Info)> _partial = [];
    private readonly HashSet<int> _discarding = [];
    private readonly ConcurrentDictionary<int, SctpOneToManyRoute> _routes;
    // Messages sent through the listener per association (compared with SctpOneToManyRoute.Delivered).
    private readonly Dictionary<int, int> _sentViaListener = [];
    private readonly byte[] _buffer;
    private readonly byte[] _control = new byte[SctpControlMessages.ReceiveControlSpace];

    private SctpOneToManyReadLoop(SctpSocket socket, IActorRef listener, ConcurrentDictionary<int, SctpOneToManyRoute> routes, int maxMessageLength,
        TimeSpan pollInterval)
    {
        _socket = socket;
        _listener = listener;
        _routes = routes;
        _maxMessageLength = maxMessageLength;
        _pollInterval = pollInterval;
        _buffer = new byte[maxMessageLength];
    }

    public static void Start(SctpSocket socket, IActorRef listener, ConcurrentDictionary<int, SctpOneToManyRoute> routes, int maxMessageLength,
        TimeSpan pollInterval, CancellationToken cancel)
    {
        var loop = new SctpOneToManyReadLoop(socket, listener, routes, maxMessageLength, pollInterval);
        _ = Task.Factory.StartNew(() => loop.Run(cancel), cancel, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>
    /// The same reads on an <see cref="EventLoopExecutor"/>'s thread (the caller runs there): the loop polls the socket
    /// between its actor turns, and messages reach actors on its dispatcher without a thread wake-up (issue 14).
    /// Returns the reader, to unregister before the socket closes.
    /// </summary>
    public static IEventLoopReader Attach(EventLoopExecutor executor, SctpSocket socket, IActorRef listener, ConcurrentDictionary<int, SctpOneToManyRoute> routes,
        int maxMessageLength)
    {
        var reader = new SctpOneToManyLoopReader(socket, new SctpOneToManyReadLoop(socket, listener, routes, maxMessageLength, Timeout.InfiniteTimeSpan));
        executor.Register(reader);
        return reader;
    }

    private void Run(CancellationToken cancel)
    {
        try
        {
            while (!cancel.IsCancellationRequested)
            {
                if (_socket.WaitReady(write: false, _pollInterval) && !ReadAvailable(int.MaxValue, cancel))
                {
                    return;
                }
            }
        }
        catch (ObjectDisposedException)
        {
            // The listener stopped and closed the socket: the loop ends with it.
        }
    }

    /// <summary>
    /// Reads until the socket has nothing more or <paramref name="most"/> messages and notifications were read; false
    /// once the socket ended (the listener is told).
    /// </summary>
    internal bool ReadAvailable(int most, CancellationToken cancel)
    {
        for (int read = 0; read < most && !cancel.IsCancellationRequested; read++)
        {
            var result = _socket.TryReceive(_buffer, 0, _control);
            switch (result.Status)
            {
                case SctpReceiveStatus.WouldBlock:
                    return true;
                case SctpReceiveStatus.Closed:
                    _listener.Tell(new ReadLoopEnded("the socket was shut down", IsProtocolViolation: false), ActorRefs.NoSender);
                    return false;
                case SctpReceiveStatus.Failed:
                    _listener.Tell(new ReadLoopEnded(new SctpException("recvmsg", result.Errno).Message, IsProtocolViolation: false), ActorRefs.NoSender);
                    return false;
                default:
                    if (result.IsNotification)
                    {
                        OnNotification(_buffer.AsSpan(0, result.Bytes), result.EndOfMessage);
                    }
                    else if (result.Info is { } info)
                    {
                        OnData(_buffer.AsSpan(0, result.Bytes), result.EndOfMessage, info);
                    }

                    break;
            }
        }

        return true;
    }

    private void OnNotification(ReadOnlySpan<byte> notification, bool complete)
    {
        if (!complete || !SctpNotifications.TryParse(notification, out var parsed))
        {
            return;
        }
        var sctpEvent = parsed!;
        if (sctpEvent.Kind == SctpEventKind.Up)
        {
            // Looked up now, while the association surely exists (sac_info carries no address; RFC 6458 §6.1.1).
            sctpEvent = sctpEvent with { PeerAddress = _socket.PeerPrimaryAddress(sctpEvent.AssociationId) };
        }
        if (sctpEvent.Kind == SctpEventKind.Up || sctpEvent.EndsAssociation)
        {
            // The id may come back with a new association: nothing of the old one carries over.
            _partial.Remove(sctpEvent.AssociationId);
            _discarding.Remove(sctpEvent.AssociationId);
            _sentViaListener.Remove(sctpEvent.AssociationId);
            if (sctpEvent.EndsAssociation)
            {
                _routes.TryRemove(sctpEvent.AssociationId, out _);
            }
        }
        _listener.Tell(sctpEvent, ActorRefs.NoSender);
    }

    private void OnData(ReadOnlySpan<byte> piece, bool endOfMessage, SctpReceiveInfo info)
    {
        int association = info.AssociationId;
        if (_discarding.Contains(association))
        {
            if (endOfMessage)
            {
                _discarding.Remove(association);
            }
            return;
        }
        if (!_partial.TryGetValue(association, out var partial))
        {
            if (endOfMessage)
            {
                Deliver(association, piece, info);
                return;
            }
            partial = (new ArrayBufferWriter<byte>(piece.Length), info);
            _partial[association] = partial;
        }
        if (partial.Bytes.WrittenCount + piece.Length > _maxMessageLength || (!endOfMessage && partial.Bytes.WrittenCount + piece.Length == _maxMessageLength))
        {
            _partial.Remove(association);
            if (!endOfMessage)
            {
                _discarding.Add(association);
            }
            _listener.Tell(new SctpOversizedMessage(association, _maxMessageLength), ActorRefs.NoSender);
            return;
        }
        partial.Bytes.Write(piece);
        if (endOfMessage)
        {
            _partial.Remove(association);
            Deliver(association, partial.Bytes.WrittenSpan, partial.Info);
        }
    }

    private void Deliver(int association, ReadOnlySpan<byte> frame, SctpReceiveInfo info)
    {
        _sentViaListener.TryGetValue(association, out int sent);
        if (_routes.TryGetValue(association, out var route) && route.Delivered == sent)
        {
            route.Deliver(frame, info);
            return;
        }
        _sentViaListener[association] = sent + 1;
        _listener.Tell(new SctpEndpointFrame(association, frame.ToArray(), info), ActorRefs.NoSender);
    }
}
