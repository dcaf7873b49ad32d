// Session mode for applications (services draft §3.3, §4.3-§4.6; rsp_connect/rsp_sendmsg/rsp_recvmsg/
// rsp_forcefailover/rsp_close of the sockets API draft) over the pu-session-<n> actor.
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Akka.Actor;
using RSerPool.Actors.Session;
using RSerPool.Wire.Parameters;
using RSerPool.Wire.Session;

namespace RSerPool.Actors.Api;

/// <summary>
/// A PU's session with one pool: messages go to one PE at a time; when it fails the session moves to another PE
/// of the pool by itself, raising <see cref="FailedOver"/> before any queued message goes out, echoing the PE's
/// latest state cookie and resending unacknowledged ack-requested messages in order. Thread-safe.
/// </summary>
public sealed class PoolSession : IAsyncDisposable
{
    private static long s_sessions;

    private readonly Sink _sink;
    private readonly int _maxFrameLength;
    private IActorRef _actor = ActorRefs.Nobody;
    private int _disposed;

    private PoolSession(PoolHandle pool, PoolSessionOptions options)
    {
        Pool = pool;
        _maxFrameLength = options.Connection.Limits.MaxFrameLength;
        _sink = new Sink(this, options);
    }

    /// <summary>Raised on the session's actor after each failover, before queued messages go out (after <see cref="PoolSessionOptions.OnFailover"/>).</summary>
    public event EventHandler<PoolSessionFailover>? FailedOver;

    /// <summary>Raised on the session's actor for every notification (after <see cref="PoolSessionOptions.OnNotification"/>).</summary>
    public event EventHandler<PoolSessionNotification>? Notification;

    /// <summary>The pool this session uses.</summary>
    public PoolHandle Pool { get; }

    /// <summary>The PE connected last (the current one, or the failed one while a failover runs).</summary>
    public PoolElement CurrentPoolElement => Volatile.Read(ref _sink.Current)!;

    /// <summary>
    /// Opens a session: asks <paramref name="resolver"/> (the node's PU resolver) for a PE of <paramref name="pool"/>,
    /// connects to its TCP user transport (trying other PEs when one fails) and completes once connected.
    /// </summary>
    /// <exception cref="PoolSessionException">No PE could be reached (unknown pool, attempts exhausted).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task<PoolSession> ConnectAsync(ActorSystem system, IActorRef resolver, PoolHandle pool, PoolSessionOptions options,
        CancellationToken cancellationToken = default) =>
        ConnectAsync(system, resolver, pool, options, null, cancellationToken);

    /// <summary>Opens a session through <paramref name="node"/>'s resolver (rsp_connect of the sockets API draft).</summary>
    /// <exception cref="PoolSessionException">No PE could be reached (unknown pool, attempts exhausted).</exception>
    public static Task<PoolSession> ConnectAsync(RSerPoolNode node, PoolHandle pool, PoolSessionOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(node);
        return ConnectAsync(node.System, node.Resolver, pool, options ?? PoolSessionOptions.Default, null, cancellationToken);
    }

    internal static async Task<PoolSession> ConnectAsync(ActorSystem system, IActorRef resolver, PoolHandle pool, PoolSessionOptions options,
        Func<System.Net.IPEndPoint, IActorRef, Props>? connectionProps, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(resolver);
        ArgumentNullException.ThrowIfNull(options);
        var session = new PoolSession(pool, options);
        long number = Interlocked.Increment(ref s_sessions);
        session._actor = system.ActorOf(PoolUserSessionActor.Props(resolver, pool, options, session._sink, connectionProps), $"pu-session-{number}");
        try
        {
            await session._sink.ConnectedTask.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            system.Stop(session._actor);
            throw;
        }

        return session;
    }

    /// <summary>
    /// Sends one application message. Completes when it is written to the current PE's connection (or queued for the
    /// next PE while a failover runs); with <see cref="SendOptions.AckRequested"/>, when the PE acknowledged it.
    /// </summary>
    /// <exception cref="PoolSessionException">A buffer limit was hit, the session failed, or a message that may not fail over lost its PE.</exception>
    /// <exception cref="ObjectDisposedException">The session is closed.</exception>
    public Task SendAsync(ReadOnlyMemory<byte> payload, SendOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= SendOptions.Default;
        if (Volatile.Read(ref _disposed) != 0)
        {
            return Task.FromException(new ObjectDisposedException(nameof(PoolSession)));
        }

        int maxPayload = _maxFrameLength - ShimDecoder.HeaderLength - ShimDecoder.DataFixedLength;
        if (payload.Length > maxPayload)
        {
            return Task.FromException(new ArgumentException($"A message of {payload.Length} bytes exceeds the shim maximum of {maxPayload}.", nameof(payload)));
        }

        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _actor.Tell(new PoolSessionSend(payload.ToArray(), options.AckRequested, options.FailoverAllowed, completion), ActorRefs.NoSender);
        return UntilDoneOrClosed(completion.Task, cancellationToken);
    }

    /// <summary>Waits for the next message from the PE.</summary>
    /// <exception cref="PoolSessionException">The session failed.</exception>
    /// <exception cref="ChannelClosedException">The session was closed and every message was read.</exception>
    public async ValueTask<PoolSessionMessage> ReceiveAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await _sink.Received.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException closed) when (closed.InnerException is PoolSessionException failure)
        {
            throw new PoolSessionException(failure.Message, closed);
        }
    }

    /// <summary>Every incoming message until the session closes (throws <see cref="PoolSessionException"/> if it fails).</summary>
    public async IAsyncEnumerable<PoolSessionMessage> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var message in _sink.Received.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return message;
        }
    }

    /// <summary>Leaves the current PE (without reporting it unreachable) and completes once connected to another one.</summary>
    public Task ForceFailoverAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return Task.FromException(new ObjectDisposedException(nameof(PoolSession)));
        }

        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _actor.Tell(new PoolSessionForceFailover(completion), ActorRefs.NoSender);
        return UntilDoneOrClosed(completion.Task, cancellationToken);
    }

    // A command told after the session actor stopped is never answered: the session's end answers it instead.
    private async Task UntilDoneOrClosed(Task command, CancellationToken cancellationToken)
    {
        if (!command.IsCompleted)
        {
            await Task.WhenAny(command, _sink.ClosedTask).WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        if (!command.IsCompleted)
        {
            throw _sink.Error ?? new ObjectDisposedException(nameof(PoolSession));
        }

        await command.ConfigureAwait(false);
    }

    /// <summary>Closes the session: queued writes go out (up to <see cref="PoolSessionOptions.CloseTimeout"/>), pending sends fail.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _actor.Tell(new PoolSessionClose(completion), ActorRefs.NoSender);
        await Task.WhenAny(completion.Task, _sink.ClosedTask).ConfigureAwait(false);
    }

    // The actor's view of this session: runs on the actor's thread.
    private sealed class Sink(PoolSession session, PoolSessionOptions options) : IPoolSessionSink
    {
        private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public PoolElement? Current;

        public Channel<PoolSessionMessage> Received { get; } = Channel.CreateBounded<PoolSessionMessage>(
            new BoundedChannelOptions(options.ReceiveBufferCapacity) { SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });

        public Task ConnectedTask => _connected.Task;

        public Task ClosedTask => _closed.Task;

        public Exception? Error { get; private set; }

        public void Connected(PoolElement element)
        {
            Volatile.Write(ref Current, element);
            _connected.TrySetResult();
        }

        public void FailedOver(PoolSessionFailover failover)
        {
            Volatile.Write(ref Current, failover.NewElement);
            options.OnFailover?.Invoke(failover);
            session.FailedOver?.Invoke(session, failover);
        }

        public void Notify(PoolSessionNotification notification)
        {
            options.OnNotification?.Invoke(notification);
            session.Notification?.Invoke(session, notification);
        }

        public bool TryDeliver(PoolSessionMessage message) => Received.Writer.TryWrite(message);

        public void Closed(Exception? error)
        {
            Error = error;
            Received.Writer.TryComplete(error);
            _connected.TrySetException(error ?? new PoolSessionException("The session closed before it connected."));
            _closed.TrySetResult();
        }
    }
}
