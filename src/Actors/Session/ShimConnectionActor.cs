// Wire actor of the PU-PE channel over TCP (services draft §5.2.1, docs/session-shim.md): shim framing instead of
// the plain back-to-back ASAP of registrar associations (docs/protocol-notes.md §2), which stay untouched.
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Akka.Actor;
using RSerPool.Actors.Transport;
using Akka.Event;
using RSerPool.Wire.Session;

namespace RSerPool.Actors.Session;

/// <summary>
/// Owns one TCP socket carrying shim frames. Connects first when made with <see cref="Connect"/>, or starts at once with an
/// accepted socket (<see cref="Accepted"/>). Tells its handler <see cref="ShimConnected"/> (or <see cref="ShimConnectFailed"/>),
/// then <see cref="ShimReceived"/> per frame, and <see cref="ShimConnectionClosed"/> before stopping on its own. Accepts
/// <see cref="ShimSend"/> and <see cref="ShimClose"/>. A read loop decodes frames off-actor (length checked against the
/// maximum before buffering); a write loop writes in order. Broken framing, a send error or a peer that does not read
/// closes the connection. Stopping the actor closes the socket.
/// </summary>
public sealed class ShimConnectionActor : ReceiveActor
{
    private readonly IPEndPoint? _remote;
    private readonly IActorRef _handler;
    private readonly ShimConnectionSettings _settings;
    private readonly ILoggingAdapter _log;
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<byte[]> _outbound = BatchedSocketWriter.CreateWriteThroughQueue();
    private Socket? _socket;
    private string _peer;
    private long _pendingSendBytes;
    private bool _closing;

    // Akka's expression Props.Create builds the actor through Activator.CreateInstance: public constructors only, and
    // argument types that pick one of them (no null argument), hence one constructor per way of starting.
    /// <summary>A connection over an accepted socket, which the actor then owns.</summary>
    public ShimConnectionActor(Socket accepted, IActorRef handler, ShimConnectionSettings settings)
        : this(accepted, null, handler, settings)
    {
    }

    /// <summary>A connection that first connects to <paramref name="remote"/>.</summary>
    public ShimConnectionActor(IPEndPoint remote, IActorRef handler, ShimConnectionSettings settings)
        : this(null, remote, handler, settings)
    {
    }

    private ShimConnectionActor(Socket? accepted, IPEndPoint? remote, IActorRef handler, ShimConnectionSettings settings)
    {
        _socket = accepted;
        _remote = remote;
        _handler = handler;
        _settings = settings;
        _log = Context.GetLogger();
        _peer = accepted?.RemoteEndPoint?.ToString() ?? remote?.ToString() ?? "unknown peer";

        Receive<ShimSocketConnected>(connected => Start(connected.Socket));
        Receive<ShimSocketConnectFailed>(failed =>
        {
            _log.Debug("shim connect to {Peer} failed: {Reason}", _peer, failed.Reason);
            _handler.Tell(new ShimConnectFailed(failed.Reason), Self);
            Context.Stop(Self);
        });
        Receive<ShimSend>(send => Send(send.Frame));
        Receive<ShimClose>(close =>
        {
            _log.Debug("shim connection with {Peer} closing: {Reason}", _peer, close.Reason);
            _closing = true;
            _outbound.Writer.TryComplete();
            if (_socket is null)
            {
                Context.Stop(Self);
            }
        });
        Receive<ShimWritesDrained>(_ => Context.Stop(Self));
        Receive<ShimReadEnded>(ended => CloseOnOwn(ended.Reason, ended.IsProtocolViolation));
        Receive<ShimWriteFailed>(failed => CloseOnOwn($"send failed: {failed.Reason}", false));
    }

    /// <summary>Props of a connection that first connects to <paramref name="remote"/>.</summary>
    public static Props Connect(IPEndPoint remote, IActorRef handler, ShimConnectionSettings settings) =>
        Props.Create(() => new ShimConnectionActor(remote, handler, settings));

    /// <summary>Props of a connection over an accepted socket, which the actor then owns.</summary>
    public static Props Accepted(Socket socket, IActorRef handler, ShimConnectionSettings settings) =>
        Props.Create(() => new ShimConnectionActor(socket, handler, settings));

    protected override void PreStart()
    {
        if (_socket is not null)
        {
            Start(_socket);
            return;
        }

        _ = ConnectAsync(_remote!, Self, _stop.Token);
    }

    protected override void PostStop()
    {
        _stop.Cancel();
        _outbound.Writer.TryComplete();
        if (_socket is not null)
        {
            try
            {
                _socket.Shutdown(SocketShutdown.Both);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                _log.Debug("shim connection with {Peer}: shutdown: {Error}", _peer, e.Message);
            }

            _socket.Dispose();
        }

        _stop.Dispose();
    }

    private static async Task ConnectAsync(IPEndPoint remote, IActorRef self, CancellationToken cancel)
    {
        var socket = new Socket(remote.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(remote, cancel).ConfigureAwait(false);
            self.Tell(new ShimSocketConnected(socket), ActorRefs.NoSender);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            socket.Dispose();
            self.Tell(new ShimSocketConnectFailed(e.Message), ActorRefs.NoSender);
        }
    }

    private void Start(Socket socket)
    {
        if (_stop.IsCancellationRequested)
        {
            socket.Dispose();
            return;
        }

        _socket = socket;
        _peer = socket.RemoteEndPoint?.ToString() ?? _peer;
        _handler.Tell(new ShimConnected(Self, socket.RemoteEndPoint, socket.LocalEndPoint), Self);
        var self = Self;
        _ = ReadLoopAsync(socket, self, _stop.Token);
        _ = WriteLoopAsync(socket, self, _stop.Token);
    }

    private void CloseOnOwn(string reason, bool protocolViolation)
    {
        if (protocolViolation)
        {
            _log.Warning("shim connection with {Peer} closed: {Reason}", _peer, reason);
        }
        else
        {
            _log.Debug("shim connection with {Peer} ended: {Reason}", _peer, reason);
        }

        if (!_closing)
        {
            _handler.Tell(new ShimConnectionClosed(reason, protocolViolation), Self);
        }

        Context.Stop(Self);
    }

    private void Send(ShimFrame frame)
    {
        if (_closing)
        {
            return;
        }

        byte[] bytes;
        try
        {
            bytes = ShimEncoder.EncodeToArray(frame);
        }
        catch (ArgumentException e)
        {
            _log.Error(e, "shim connection with {Peer}: cannot encode {Frame}; dropped", _peer, frame);
            return;
        }

        if (Interlocked.Add(ref _pendingSendBytes, bytes.Length) > _settings.MaxPendingSendBytes)
        {
            CloseOnOwn($"peer does not read ({Interlocked.Read(ref _pendingSendBytes)} bytes pending)", false);
            return;
        }

        _outbound.Writer.TryWrite(bytes);
    }

    private async Task WriteLoopAsync(Socket socket, IActorRef self, CancellationToken cancel)
    {
        try
        {
            await BatchedSocketWriter.WriteAllAsync(socket, _outbound.Reader, written => Interlocked.Add(ref _pendingSendBytes, -written), cancel, writeThrough: true)
                .ConfigureAwait(false);

            // Completed by ShimClose: everything queued is written.
            self.Tell(new ShimWritesDrained(), ActorRefs.NoSender);
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            self.Tell(new ShimWriteFailed(e.Message), ActorRefs.NoSender);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            // The actor stopped and closed the socket: the loop ends with it.
            return;
        }
    }

    private async Task ReadLoopAsync(Socket socket, IActorRef self, CancellationToken cancel)
    {
        var limits = _settings.Limits;
        var buffer = new byte[Math.Max(ShimDecoder.HeaderLength, Math.Min(_settings.ReceiveBufferSize, limits.MaxFrameLength))];
        int start = 0;
        int end = 0;
        try
        {
            while (true)
            {
                if (end == buffer.Length)
                {
                    (buffer, start, end) = MakeRoom(buffer, start, end, limits.MaxFrameLength);
                }

                int read = await socket.ReceiveAsync(buffer.AsMemory(end), SocketFlags.None, cancel).ConfigureAwait(false);
                if (read == 0)
                {
                    self.Tell(new ShimReadEnded("peer closed the connection", false), ActorRefs.NoSender);
                    return;
                }

                end += read;
                while (true)
                {
                    var status = ShimDecoder.TryReadFrame(buffer.AsSpan(start, end - start), limits, out var frame, out int consumed, out var error);
                    if (status == ShimReadStatus.NeedMoreData)
                    {
                        break;
                    }

                    if (status == ShimReadStatus.Malformed)
                    {
                        self.Tell(new ShimReadEnded($"broken shim stream: {error}", true), ActorRefs.NoSender);
                        return;
                    }

                    _handler.Tell(new ShimReceived(frame!), self);
                    start += consumed;
                }

                if (start == end)
                {
                    start = end = 0;
                }
            }
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            self.Tell(new ShimReadEnded(e.Message, false), ActorRefs.NoSender);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            // The actor stopped and closed the socket: the loop ends with it.
            return;
        }
    }

    // Frames are read from one contiguous array: compact first, grow (up to one maximum frame) only for a longer frame.
    private static (byte[] Buffer, int Start, int End) MakeRoom(byte[] buffer, int start, int end, int maxFrameLength)
    {
        int used = end - start;
        if (start > 0)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, used);
            return (buffer, 0, used);
        }

        var larger = new byte[Math.Min(Math.Max(buffer.Length * 2, 1024), Math.Max(maxFrameLength, buffer.Length + 1))];
        Buffer.BlockCopy(buffer, 0, larger, 0, used);
        return (larger, 0, used);
    }
}
