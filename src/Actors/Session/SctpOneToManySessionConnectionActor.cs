// Wire actor of one PU association on a PE's one-to-many SCTP socket (RFC 5352 §5, RFC 6458 §3).
using System.Net;
using Akka.Actor;
using Akka.Event;
using RSerPool.Actors.Transport;
using RSerPool.Actors.Transport.Sctp;
using RSerPool.Wire.Session;

namespace RSerPool.Actors.Session;

/// <summary>
/// The connection of one PU association of <see cref="SctpOneToManyPoolElementServerActor"/>, with the contract
/// <see cref="SctpSessionConnectionActor.Accepted"/> gives its session: <see cref="ShimConnected"/> at start, then
/// <see cref="ShimReceived"/> per message, <see cref="ShimConnectionClosed"/> before stopping on its own; commands
/// <see cref="ShimSend"/> and <see cref="ShimClose"/> (after what is queued is sent); frames mapped as
/// <see cref="SctpSessionFraming"/> says. It registers with the server (<see cref="SctpSessionAttached"/>), which routes
/// the association's messages (<see cref="SctpEndpointFrame"/>) and notifications here; sends go out on the shared
/// socket naming the association. When it stops while the association lives, it ends only this association
/// (RFC 6458 §3.1.4): SHUTDOWN after a close, ABORT after an oversized message, a failed send or a peer that does not read.
/// </summary>
internal sealed class SctpOneToManySessionConnectionActor : ReceiveActor
{
    private readonly SctpSocket _socket;
    private readonly int _associationId;
    private readonly IPEndPoint? _remote;
    private readonly IPEndPoint? _local;
    private readonly IActorRef _server;
    private readonly IActorRef _handler;
    private readonly ILoggingAdapter _log;
    private readonly CancellationTokenSource _stop = new();
    private readonly SctpOutbound _outbound;
    private readonly SctpSessionFraming _framing;
    private readonly string _peer;
    private bool _closing;
    private bool _ended;
    private bool _abortOnStop;

    public SctpOneToManySessionConnectionActor(SctpSocket socket, int associationId, IPEndPoint? remote, IPEndPoint? local, IActorRef server,
        IActorRef handler, SctpSessionSettings settings)
    {
        _socket = socket;
        _associationId = associationId;
        _remote = remote;
        _local = local;
        _server = server;
        _handler = handler;
        _log = Context.GetLogger();
        _framing = new SctpSessionFraming(settings, _log);
        _peer = $"{remote?.ToString() ?? "unknown peer"} (association {associationId})";
        _outbound = new SctpOutbound(socket, new SctpSendInfo(settings.Stream, settings.DataPayloadProtocolId, AssociationId: associationId),
            settings.MaxPendingSendBytes, settings.PollInterval);

        Receive<ShimSend>(send => Send(send.Frame));
        Receive<ShimClose>(close =>
        {
            _log.Debug("SCTP session with {Peer} closing: {Reason}", _peer, close.Reason);
            _closing = true;
            _outbound.Complete();
        });
        Receive<SctpEndpointFrame>(OnMessage);
        Receive<SctpAssociationEvent>(OnEvent);
        Receive<SctpOversizedMessage>(oversized => CloseOnOwn($"message longer than {oversized.Limit} bytes", protocolViolation: true, abort: true));
        Receive<SendFailed>(failed => CloseOnOwn($"send failed: {failed.Reason}", protocolViolation: false, abort: true));
        Receive<WritesDrained>(_ => Context.Stop(Self));
    }

    /// <summary>Props of the connection of association <paramref name="associationId"/> on the server's shared socket.</summary>
    public static Props Props(SctpSocket socket, int associationId, IPEndPoint? remote, IPEndPoint? local, IActorRef server, IActorRef handler,
        SctpSessionSettings settings) =>
        Akka.Actor.Props.Create(() => new SctpOneToManySessionConnectionActor(socket, associationId, remote, local, server, handler, settings));

    protected override void PreStart()
    {
        _server.Tell(new SctpSessionAttached(_associationId), Self);
        _handler.Tell(new ShimConnected(Self, _remote, _local), Self);
        _outbound.Start(Self, _stop.Token, new WritesDrained());
    }

    protected override void PostStop()
    {
        _stop.Cancel();
        _outbound.Complete();
        if (!_ended)
        {
            // The socket is shared: only this association ends (RFC 6458 §3.1.4).
            _socket.EndAssociation(_associationId, abort: _abortOnStop);
        }
    }

    private void Send(ShimFrame frame)
    {
        if (_closing)
        {
            return;
        }
        var message = _framing.ToSctp(frame, out var localAnswer);
        if (message is ({ } bytes, var info) && !_outbound.TryEnqueue(bytes, info))
        {
            CloseOnOwn($"peer does not read ({_outbound.PendingBytes} bytes pending)", protocolViolation: false, abort: true);
            return;
        }
        if (localAnswer is not null)
        {
            _handler.Tell(new ShimReceived(localAnswer), Self);
        }
    }

    private void OnMessage(SctpEndpointFrame frame)
    {
        // RFC 5352 §5, docs/protocol-notes.md §8: only complete messages arrive here; PPID 11 is control, any other PPID is data.
        var (acknowledgement, message) = _framing.FromSctp(frame.Frame, frame.Info.PayloadProtocolId, _peer);
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
            _ended = true;
            CloseOnOwn($"association {sctpEvent.Kind} (error {sctpEvent.Error})", protocolViolation: false, abort: false);
            return;
        }
        _log.Debug("SCTP session with {Peer}: {Event}", _peer, sctpEvent.Describe());
    }

    private void CloseOnOwn(string reason, bool protocolViolation, bool abort)
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
        _abortOnStop = abort;
        Context.Stop(Self);
    }

    private sealed record WritesDrained;
}
