// Wire actor of the PU-PE channel over kernel SCTP (spec/asap.md §4.8): application data on its own PPID, ASAP
// control messages (Cookie, Cookie Echo, Business Card) on PPID 11, one message per SCTP user message.
using System.Net;
using System.Threading.Channels;
using Akka.Actor;
using Akka.Event;
using RSerPool.Actors.Transport.Sctp;
using RSerPool.Wire.Session;

namespace RSerPool.Actors.Session;

/// <summary>
/// Owns one one-to-one SCTP socket of a PU session and speaks the same messages to its session actor as
/// <see cref="ShimConnectionActor"/>: <see cref="ShimConnected"/> (or <see cref="ShimConnectFailed"/>), then
/// <see cref="ShimReceived"/> per message, <see cref="ShimConnectionClosed"/> before stopping on its own; commands
/// <see cref="ShimSend"/> and <see cref="ShimClose"/>. Frames map onto SCTP messages as <see cref="SctpSessionFraming"/>
/// says: DATA as the bare application bytes with the data PPID, ASAP frames as the ASAP message with PPID 11,
/// HEARTBEAT answered here at once, ACK frames not sent. A PE's one-to-many server uses
/// <see cref="SctpOneToManySessionConnectionActor"/> instead, with the same contract.
/// </summary>
public sealed class SctpSessionConnectionActor : ReceiveActor
{
    private readonly IPEndPoint? _remote;
    private readonly IActorRef _handler;
    private readonly SctpSessionSettings _settings;
    private readonly ILoggingAdapter _log;
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<Outgoing> _outbound = Channel.CreateUnbounded<Outgoing>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly SctpSessionFraming _framing;
    private SctpSocket? _socket;
    private string _peer;
    private long _pendingSendBytes;
    private bool _closing;

    public SctpSessionConnectionActor(SctpSocket? accepted, IPEndPoint? remote, IActorRef handler, SctpSessionSettings settings)
    {
        _socket = accepted;
        _remote = remote;
        _handler = handler;
        _settings = settings;
        _log = Context.GetLogger();
        _framing = new SctpSessionFraming(settings, _log);
        _peer = accepted?.RemoteEndPoint?.ToString() ?? remote?.ToString() ?? "unknown peer";

        Receive<Connected>(connected => Start(connected.Socket));
        Receive<ConnectFailed>(failed =>
        {
            _log.Debug("SCTP session connect to {Peer} failed: {Reason}", _peer, failed.Reason);
            _handler.Tell(new ShimConnectFailed(failed.Reason), Self);
            Context.Stop(Self);
        });
        Receive<ShimSend>(send => Send(send.Frame));
        Receive<ShimClose>(close =>
        {
            _log.Debug("SCTP session with {Peer} closing: {Reason}", _peer, close.Reason);
            _closing = true;
            _outbound.Writer.TryComplete();
            if (_socket is null)
            {
                Context.Stop(Self);
            }
        });
        Receive<Incoming>(OnIncoming);
        Receive<SctpAssociationEvent>(OnEvent);
        Receive<WritesDrained>(_ => Context.Stop(Self));
        Receive<Ended>(ended => CloseOnOwn(ended.Reason, ended.IsProtocolViolation));
    }

    /// <summary>Props of a connection that first connects (SCTP four-way handshake) to <paramref name="remote"/>.</summary>
    public static Props Connect(IPEndPoint remote, IActorRef handler, SctpSessionSettings settings) =>
        Props.Create(() => new SctpSessionConnectionActor(null, remote, handler, settings));

    /// <summary>Props of a connection over an accepted association, which the actor then owns.</summary>
    public static Props Accepted(SctpSocket socket, IActorRef handler, SctpSessionSettings settings) =>
        Props.Create(() => new SctpSessionConnectionActor(socket, null, handler, settings));

    protected override void PreStart()
    {
        if (_socket is not null)
        {
            Start(_socket);
            return;
        }
        var self = Self;
        var remote = _remote!;
        var timeout = _settings.PollInterval * 25;
        _ = Task.Run(() => ConnectBlocking(remote, timeout, self));
    }

    protected override void PostStop()
    {
        _stop.Cancel();
        _outbound.Writer.TryComplete();
        if (_socket is not null)
        {
            _socket.Shutdown();
            _socket.Dispose();
        }
    }

    private static void ConnectBlocking(IPEndPoint remote, TimeSpan timeout, IActorRef self)
    {
        if (!SctpSupport.IsAvailable)
        {
            self.Tell(new ConnectFailed(SctpSupport.Reason), ActorRefs.NoSender);
            return;
        }
        SctpSocket? socket = null;
        try
        {
            socket = SctpSocket.Create(remote.AddressFamily);
            socket.PrepareForMessages();
            socket.Connect(remote, timeout);
            self.Tell(new Connected(socket), ActorRefs.NoSender);
        }
        catch (SctpException e)
        {
            socket?.Dispose();
            self.Tell(new ConnectFailed(e.Message), ActorRefs.NoSender);
        }
    }

    private void Start(SctpSocket socket)
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
        var cancel = _stop.Token;
        _ = Task.Factory.StartNew(() => ReadLoop(socket, self, cancel), cancel, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        _ = WriteLoopAsync(socket, self, cancel);
    }

    private void Send(ShimFrame frame)
    {
        if (_closing)
        {
            return;
        }
        var message = _framing.ToSctp(frame, out var localAnswer);
        if (message is ({ } bytes, var info) && !Enqueue(bytes, info))
        {
            return;
        }
        if (localAnswer is not null)
        {
            _handler.Tell(new ShimReceived(localAnswer), Self);
        }
    }

    private bool Enqueue(byte[] bytes, SctpSendInfo info)
    {
        if (Interlocked.Add(ref _pendingSendBytes, bytes.Length) > _settings.MaxPendingSendBytes)
        {
            CloseOnOwn($"peer does not read ({Interlocked.Read(ref _pendingSendBytes)} bytes pending)", false);
            return false;
        }
        _outbound.Writer.TryWrite(new Outgoing(bytes, info));
        return true;
    }

    private void OnIncoming(Incoming incoming)
    {
        var (acknowledgement, message) = _framing.FromSctp(incoming.Bytes, incoming.PayloadProtocolId, _peer);
        if (acknowledgement is not null)
        {
            _handler.Tell(new ShimReceived(acknowledgement), Self);
        }
        if (message is not null)
        {
            _handler.Tell(new ShimReceived(message), Self);
        }
    }

    private void OnEvent(SctpAssociationEvent sctpEvent)
    {
        if (sctpEvent.EndsAssociation)
        {
            CloseOnOwn($"association {sctpEvent.Kind} (error {sctpEvent.Error})", false);
            return;
        }
        _log.Debug("SCTP session with {Peer}: {Kind}", _peer, sctpEvent.Kind);
    }

    private void CloseOnOwn(string reason, bool protocolViolation)
    {
        if (protocolViolation)
        {
            _log.Warning("SCTP session with {Peer} closed: {Reason}", _peer, reason);
        }
        else
        {
            _log.Debug("SCTP session with {Peer} ended: {Reason}", _peer, reason);
        }
        if (!_closing)
        {
            _closing = true;
            _handler.Tell(new ShimConnectionClosed(reason, protocolViolation), Self);
        }
        Context.Stop(Self);
    }

    private async Task WriteLoopAsync(SctpSocket socket, IActorRef self, CancellationToken cancel)
    {
        try
        {
            await foreach (var outgoing in _outbound.Reader.ReadAllAsync(cancel).ConfigureAwait(false))
            {
                while (true)
                {
                    var status = socket.TrySend(outgoing.Bytes, outgoing.Info, out int errno);
                    if (status == SctpSendStatus.Sent)
                    {
                        break;
                    }
                    if (status == SctpSendStatus.Failed)
                    {
                        self.Tell(new Ended($"send failed: {new SctpException("sendmsg", errno).Message}", false), ActorRefs.NoSender);
                        return;
                    }
                    cancel.ThrowIfCancellationRequested();
                    socket.WaitReady(write: true, _settings.PollInterval);
                }
                Interlocked.Add(ref _pendingSendBytes, -outgoing.Bytes.Length);
            }
            self.Tell(new WritesDrained(), ActorRefs.NoSender);            // completed by ShimClose
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            return;                                                          // the actor stopped and closed the socket
        }
    }

    private void ReadLoop(SctpSocket socket, IActorRef self, CancellationToken cancel)
    {
        var buffer = new byte[_settings.MaxMessageLength];
        var control = new byte[SctpControlMessages.ReceiveControlSpace];
        int filled = 0;
        SctpReceiveInfo? info = null;
        try
        {
            while (!cancel.IsCancellationRequested)
            {
                if (!socket.WaitReady(write: false, _settings.PollInterval))
                {
                    continue;
                }
                while (!cancel.IsCancellationRequested)
                {
                    if (filled == buffer.Length)
                    {
                        self.Tell(new Ended($"message longer than {buffer.Length} bytes", true), ActorRefs.NoSender);
                        return;
                    }
                    var result = socket.TryReceive(buffer, filled, control);
                    if (result.Status == SctpReceiveStatus.WouldBlock)
                    {
                        break;
                    }
                    if (result.Status == SctpReceiveStatus.Closed)
                    {
                        self.Tell(new Ended("peer closed the association", false), ActorRefs.NoSender);
                        return;
                    }
                    if (result.Status == SctpReceiveStatus.Failed)
                    {
                        self.Tell(new Ended(new SctpException("recvmsg", result.Errno).Message, false), ActorRefs.NoSender);
                        return;
                    }
                    if (result.IsNotification)
                    {
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
                        // asap.md §4.8: only complete messages count; PPID 11 is control, any other PPID is data.
                        self.Tell(new Incoming(buffer.AsSpan(0, filled).ToArray(), info?.PayloadProtocolId ?? 0), ActorRefs.NoSender);
                        filled = 0;
                        info = null;
                    }
                }
            }
        }
        catch (ObjectDisposedException)
        {
            return;                                                          // the actor stopped and closed the socket
        }
    }

    private sealed record Connected(SctpSocket Socket);

    private sealed record ConnectFailed(string Reason);

    private sealed record Outgoing(byte[] Bytes, SctpSendInfo Info);

    private sealed record Incoming(byte[] Bytes, uint PayloadProtocolId);

    private sealed record WritesDrained;

    private sealed record Ended(string Reason, bool IsProtocolViolation);
}
