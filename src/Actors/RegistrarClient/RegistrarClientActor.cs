// Registrar client of a PE/PU process (RFC 5352 §3.6 server hunt, docs/protocol-notes.md §8; request timers RFC 5352 §7; actor tree
// "rserpool-node ├── registrar-client ── association").
using System.Net;
using Akka.Actor;
using RSerPool.Actors.Time;
using Akka.Event;
using RSerPool.Actors.Transport;
using RSerPool.Actors.Transport.Sctp;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.RegistrarClient;

/// <summary>
/// One per process, shared by every PE and PU of it. Keeps the registrar table (static entries plus Server
/// Announces, docs/protocol-notes.md §8), hunts for a registrar one connect at a time in table order starting after the
/// last one that failed, and owns the association to the registrar in use. Requests (<see cref="RegistrarRequest"/>)
/// are queued while hunting, sent when a registrar is up, matched to their response by message type, pool handle and
/// PE ID, and failed after <see cref="RegistrarClientSettings.RequestTimeout"/>: a timeout also drops that registrar
/// and hunts another (docs/protocol-notes.md §9, RSPLIB). Endpoint Keep Alives are routed to the PE actors that registered
/// through here; a Keep Alive with the H flag on another association makes that association the one in use and
/// closes the old one (RFC 5352 §3.4 "H flag"). Associations this client did not open (a takeover registrar
/// connecting in) are adopted when they announce themselves with <see cref="AssociationEstablished"/>.
/// </summary>
public sealed partial class RegistrarClientActor : ReceiveActor, IWithTimers
{
    // The system's clock (RSerPoolClock), looked up once.
    private readonly TimeProvider _clock = Context.System.Clock;
    private readonly RegistrarClientSettings _settings;
    private readonly IRegistrarConnector _connector;
    private readonly ILoggingAdapter _log;
    private readonly List<KnownRegistrar> _known = [];
    private readonly Dictionary<IActorRef, (IPEndPoint? EndPoint, uint ServerId)> _associations = [];
    private readonly Dictionary<IActorRef, IPAddress> _localAddresses = [];
    private readonly List<PendingRequest> _pending = [];
    private readonly Dictionary<(PoolHandle Handle, uint Identifier), IActorRef> _routes = [];
    private readonly List<IActorRef> _stateWaiters = [];
    private IActorRef? _current;
    private IPEndPoint? _currentEndPoint;
    private (long Attempt, IPEndPoint EndPoint)? _connecting;
    private IPEndPoint? _announceEndPoint;
    private IActorRef? _announceListener;
    private long _attempt;
    private long _nextRequestId;
    private int _huntIndex;
    private int _triedInRound;
    private readonly HuntWarningSchedule _huntWarnings;
    private readonly Dictionary<IPEndPoint, string> _huntFailures = [];

    public RegistrarClientActor(RegistrarClientSettings settings, IRegistrarConnector connector)
    {
        _settings = settings;
        _connector = connector;
        _log = Context.GetLogger();
        _huntWarnings = new HuntWarningSchedule(_clock, settings.HuntWarningInterval, settings.HuntWarningMaxInterval, settings.HuntWarningFirstAfter);
        foreach (IPEndPoint endPoint in settings.StaticRegistrars)
        {
            _known.Add(new KnownRegistrar(endPoint, 0, IsStatic: true, DateTimeOffset.MaxValue));
        }

        Receive<RegistrarRequest>(request => Accept(request.Request, Sender));
        Receive<RegistrarSend>(send => SendOn(send.Association ?? _current, send.Message));
        Receive<AssociationReceived<AsapMessage>>(received => OnMessage(received.Message, Sender));
        Receive<AssociationEstablished>(established => Adopt(established));
        Receive<RegistrarSocketConnected>(OnSocketConnected);
        Receive<RegistrarSctpSocketConnected>(OnSctpSocketConnected);
        Receive<RegistrarAssociationOpened>(opened => OnOpened(opened.Attempt, opened.Association));
        Receive<RegistrarConnectFailed>(failed => OnConnectFailed(failed.Attempt, failed.Reason));
        Receive<ConnectTimedOut>(timedOut => OnConnectFailed(timedOut.Attempt, $"no connection within {_settings.ConnectTimeout}"));
        Receive<HuntAgain>(_ => Hunt());
        Receive<RequestTimedOut>(timedOut => OnRequestTimedOut(timedOut.RequestId));
        Receive<ServerAnnounceReceived>(OnAnnounce);
        Receive<AnnounceListenerBound>(bound =>
        {
            _announceEndPoint = bound.EndPoint;
            AnswerStateWaiters();
        });
        Receive<GetRegistrarClientState>(_ =>
        {
            // The state is told once the announce listener (if any) is bound, so callers learn its real port.
            _stateWaiters.Add(Sender);
            if (_announceListener is null || _announceEndPoint is not null)
            {
                AnswerStateWaiters();
            }
        });
        Receive<Terminated>(terminated => OnTerminated(terminated.ActorRef));
        ReceiveTakeoverListener();
        ReceiveHomeProbe();
        ReceiveClusterRegistrars();
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(RegistrarClientSettings settings, IRegistrarConnector? connector = null) =>
        Akka.Actor.Props.Create(() => new RegistrarClientActor(settings, connector ?? TcpRegistrarConnector.Instance));

    protected override SupervisorStrategy SupervisorStrategy() => Akka.Actor.SupervisorStrategy.StoppingStrategy;

    protected override void PreStart()
    {
        if (_settings.AnnounceListenEndPoint is { } listen)
        {
            _announceListener = Context.ActorOf(ServerAnnounceListenerActor.Props(listen, _connector.UsesSctp), "announce-listener");
            Context.Watch(_announceListener);
        }

        StartHomeProbe();
        Hunt();
    }

    private RegistrarClientState State()
    {
        ExpireAnnounced();
        uint serverId = _current is not null && _associations.TryGetValue(_current, out var info) ? info.ServerId : 0;
        return new RegistrarClientState(_currentEndPoint, serverId, [.. _known], _announceEndPoint)
        {
            HuntFailures = new Dictionary<IPEndPoint, string>(_huntFailures),
            Transport = TransportName(_connector),
        };
    }

    // Requests: queue, send, match, time out.
    private void Accept(AsapMessage request, IActorRef requester)
    {
        (AsapMessageType responseType, PoolHandle handle, uint identifier) = request switch
        {
            AsapRegistration r => (AsapMessageType.RegistrationResponse, r.PoolHandle, r.PoolElement.Identifier),
            AsapDeregistration d => (AsapMessageType.DeregistrationResponse, d.PoolHandle, d.PoolElementIdentifier),
            AsapHandleResolution h => (AsapMessageType.HandleResolutionResponse, h.PoolHandle, 0u),
            _ => (AsapMessageType.Error, default(PoolHandle), 0u),
        };
        if (responseType == AsapMessageType.Error)
        {
            requester.Tell(new RegistrarRequestFailed(request, $"{request.Type} has no response; use RegistrarSend", AssociationLost: false), Self);
            return;
        }

        if (_current is null && _pending.Count(p => p.SentOn is null) >= _settings.MaxQueuedRequests)
        {
            requester.Tell(new RegistrarRequestFailed(request, "too many requests waiting for a registrar", AssociationLost: false), Self);
            return;
        }

        if (request is AsapRegistration)
        {
            Route(handle, identifier, requester);
            StartTakeoverListener();
        }

        var pending = new PendingRequest(++_nextRequestId, request, requester, responseType, handle, identifier);
        _pending.Add(pending);
        Timers.StartSingleTimer(("request", pending.Id), new RequestTimedOut(pending.Id), _settings.RequestTimeout);
        if (_current is not null)
        {
            SendUnsent(_current);
        }
        else
        {
            Hunt();
        }
    }

    private void Route(PoolHandle handle, uint identifier, IActorRef pe)
    {
        if (_routes.TryGetValue((handle, identifier), out IActorRef? existing) && existing.Equals(pe))
        {
            return;
        }

        _routes[(handle, identifier)] = pe;
        Context.Watch(pe);
    }

    private void OnRequestTimedOut(long id)
    {
        int index = _pending.FindIndex(p => p.Id == id);
        if (index < 0)
        {
            return;
        }

        PendingRequest pending = _pending[index];
        _pending.RemoveAt(index);
        string reason = $"no response within {_settings.RequestTimeout}";
        pending.Requester.Tell(new RegistrarRequestFailed(pending.Request, reason, AssociationLost: false), Self);
        if (pending.SentOn is { } association && association.Equals(_current))
        {
            // docs/protocol-notes.md §8 / §9: a silent registrar is dropped and another one hunted.
            _log.Warning("registrar {Registrar} did not answer {Request} within {Timeout}: moving to another registrar",
                _currentEndPoint, pending.Request.Type, _settings.RequestTimeout);
            Drop(association, $"request timeout ({pending.Request.Type})");
        }
    }

    private void OnMessage(AsapMessage message, IActorRef association)
    {
        if (!_associations.ContainsKey(association))
        {
            _log.Debug("{MessageType} from an unknown association: dropped", message.Type);
            return;
        }

        HeardFrom(association);

        switch (message)
        {
            case AsapRegistrationResponse or AsapDeregistrationResponse or AsapHandleResolutionResponse:
                Answer(message, association);
                break;
            case AsapEndpointKeepAlive keepAlive:
                OnKeepAlive(keepAlive, association);
                break;
            case AsapError error:
                _log.Info("ASAP Error from registrar {Registrar}: {Causes}", _associations[association].EndPoint,
                    string.Join(", ", error.Error.Causes.Select(c => $"0x{(ushort)c.Code:x4}")));
                break;
            default:
                _log.Debug("{MessageType} from registrar {Registrar} is not for a PE/PU: ignored", message.Type, _associations[association].EndPoint);
                break;
        }
    }

    private void Answer(AsapMessage response, IActorRef association)
    {
        int index = _pending.FindIndex(p => association.Equals(p.SentOn) && p.Answers(response));
        if (index < 0)
        {
            _log.Debug("{MessageType} without a pending request: dropped", response.Type);
            return;
        }

        PendingRequest pending = _pending[index];
        _pending.RemoveAt(index);
        Timers.Cancel(("request", pending.Id));
        if (response is AsapDeregistrationResponse deregistered)
        {
            _routes.Remove((deregistered.PoolHandle, deregistered.PoolElementIdentifier));
        }

        pending.Requester.Tell(new RegistrarReply(response, _associations[association].ServerId, association), Self);
    }

    // RFC 5352 §3.4: route to the PE (or every PE of the handle, RFC form); follow the H flag.
    private void OnKeepAlive(AsapEndpointKeepAlive keepAlive, IActorRef association)
    {
        var info = _associations[association];
        _associations[association] = (info.EndPoint, keepAlive.ServerIdentifier);
        if (keepAlive.HomeFlag && !association.Equals(_current))
        {
            _log.Info("registrar 0x{ServerId:x8} at {Registrar} became home (Keep Alive with H flag): switching to it",
                keepAlive.ServerIdentifier, info.EndPoint);
            IActorRef? old = _current;
            MakeCurrent(association, info.EndPoint);
            if (old is not null)
            {
                Drop(old, "another registrar became home");   // fails what was sent on it: resent on the new home
            }
        }

        foreach (var ((handle, identifier), pe) in _routes)
        {
            if (handle == keepAlive.PoolHandle && (keepAlive.PoolElementIdentifier is null || keepAlive.PoolElementIdentifier == identifier))
            {
                pe.Tell(new KeepAliveReceived(keepAlive, association), Self);
            }
        }
    }

    private void SendOn(IActorRef? association, AsapMessage message)
    {
        if (association is null || !_associations.ContainsKey(association))
        {
            _log.Debug("{MessageType} dropped: no registrar association", message.Type);
            return;
        }

        association.Tell(new AssociationSend<AsapMessage>(message), Self);
    }

    // The hunt (docs/protocol-notes.md §8).
    private void Hunt()
    {
        if (_current is not null || _connecting is not null || Timers.IsTimerActive("hunt-backoff"))
        {
            return;
        }

        ExpireAnnounced();
        if (_known.Count == 0)
        {
            _log.Debug("no registrar known yet: waiting for a Server Announce");
            WarnHuntFailing();
            return;
        }

        if (_triedInRound >= _known.Count)
        {
            _triedInRound = 0;
            _log.Debug("no registrar of {Count} reachable: next hunt round in {Delay}", _known.Count, _settings.HuntRetryDelay);
            WarnHuntFailing();
            Timers.StartSingleTimer("hunt", HuntAgain.Instance, _settings.HuntRetryDelay);
            return;
        }

        Timers.Cancel("hunt");
        IPEndPoint target = _known[_huntIndex % _known.Count].EndPoint;
        _triedInRound++;
        long attempt = ++_attempt;
        _connecting = (attempt, target);
        _log.Debug("hunt: connecting to registrar {Registrar} (attempt {Attempt})", target, attempt);
        Timers.StartSingleTimer("connect", new ConnectTimedOut(attempt), _settings.ConnectTimeout);
        _connector.Connect(new ConnectRegistrar(target, attempt, _settings.ConnectTimeout), Self);
    }

    private void OnSocketConnected(RegistrarSocketConnected connected)
    {
        if (_connecting?.Attempt != connected.Attempt)
        {
            connected.Socket.Dispose();
            return;
        }

        IPAddress? local = (connected.Socket.LocalEndPoint as IPEndPoint)?.Address;
        var association = Context.ActorOf(
            TcpAssociationActor<AsapMessage>.Props(connected.Socket, Self, AsapWireCodec.Instance, _settings.Association),
            $"association-{connected.Attempt}");
        RememberLocalAddress(association, local);
        _tcpAssociations.Add(association);
        OnOpened(connected.Attempt, association);
    }

    private void OnSctpSocketConnected(RegistrarSctpSocketConnected connected)
    {
        if (_connecting?.Attempt != connected.Attempt)
        {
            connected.Socket.Dispose();
            return;
        }

        IPAddress? local = connected.Socket.LocalEndPoint?.Address;
        var association = Context.ActorOf(
            SctpAssociationActor<AsapMessage>.Props(connected.Socket, Self, AsapWireCodec.Instance, _settings.Association, _settings.Sctp),
            $"association-{connected.Attempt}");
        RememberLocalAddress(association, local);
        OnOpened(connected.Attempt, association);
    }

    private void OnOpened(long attempt, IActorRef association)
    {
        if (_connecting is not { } connecting || connecting.Attempt != attempt)
        {
            association.Tell(new CloseAssociation("hunt attempt no longer wanted"), Self);
            return;
        }

        _connecting = null;
        Timers.Cancel("connect");
        _triedInRound = 0;
        _huntWarnings.Succeeded();
        _huntFailures.Clear();
        uint serverId = _known.FirstOrDefault(k => k.EndPoint.Equals(connecting.EndPoint))?.ServerId ?? 0;
        _associations[association] = (connecting.EndPoint, serverId);
        Context.Watch(association);
        _log.Info("registrar association with {Registrar} (server 0x{ServerId:x8}) is up", connecting.EndPoint, serverId);
        MakeCurrent(association, connecting.EndPoint);
    }

    private void MakeCurrent(IActorRef association, IPEndPoint? endPoint)
    {
        _current = association;
        _currentEndPoint = endPoint;
        _lastHeardFromCurrent = _clock.GetTimestamp();
        _currentHeard = false;
        _probeOutstanding = false;
        SendUnsent(association);
    }

    // Registrations wait while the takeover listener binds: they carry its port.
    private void SendUnsent(IActorRef association)
    {
        foreach (PendingRequest pending in _pending)
        {
            if (pending.SentOn is null && !(pending.Request is AsapRegistration && TakeoverListenerBinding))
            {
                pending.SentOn = association;
                association.Tell(new AssociationSend<AsapMessage>(AddressedFor(association, pending.Request)), Self);
            }
        }
    }

    private void Adopt(AssociationEstablished established)
    {
        RememberLocalAddress(established.Association, (established.Local as IPEndPoint)?.Address);
        if (_associations.ContainsKey(established.Association) || established.Association.Equals(Self))
        {
            return;
        }

        // An inbound association (e.g. a registrar that took this PE over, RFC 5352 §3.4): usable once it sends H=1.
        _associations[established.Association] = (established.Remote as IPEndPoint, 0);
        if (_takeoverListener is not null && established.Association.Path.Parent.Equals(_takeoverListener.Path))
        {
            _tcpAssociations.Add(established.Association);
        }

        Context.Watch(established.Association);
        _log.Debug("inbound registrar association from {Remote} adopted", established.Remote);
    }

    private void RememberLocalAddress(IActorRef association, IPAddress? local)
    {
        if (local is not null && !TransportAddresses.IsUnspecified(local))
        {
            _localAddresses[association] = local;
        }
    }

    // docs/protocol-notes.md §6: a user transport bound to any address is registered with the address this PE reaches the
    // registrar from (what RSPLIB's registrar checks, docs/protocol-notes.md §6), never with 0.0.0.0 or ::.
    // Over TCP the registration also names the takeover listener (docs/protocol-notes.md §2).
    private AsapMessage AddressedFor(IActorRef association, AsapMessage request)
    {
        if (request is not AsapRegistration registration)
        {
            return request;
        }

        PoolElement element = registration.PoolElement;
        bool hasLocal = _localAddresses.TryGetValue(association, out IPAddress? local);
        if (hasLocal)
        {
            element = element with { UserTransport = TransportAddresses.FillUnspecified(element.UserTransport, local!) };
        }

        if (TakeoverTransportFor(association, local) is { } asap)
        {
            element = element with { AsapTransport = asap };
        }

        return ReferenceEquals(element, registration.PoolElement) ? request : registration with { PoolElement = element };
    }

    private void OnConnectFailed(long attempt, string reason)
    {
        if (_connecting?.Attempt != attempt)
        {
            return;
        }

        _log.Debug("hunt: registrar {Registrar} unreachable: {Reason}", _connecting.Value.EndPoint, reason);
        _huntFailures[_connecting.Value.EndPoint] = reason;
        _connecting = null;
        Timers.Cancel("connect");
        _huntIndex++;
        Hunt();
    }

    // Rate-limited (HuntWarningSchedule): what was tried, why it failed, and how to give this process a registrar.
    private void WarnHuntFailing()
    {
        if (!_huntWarnings.Failed())
        {
            return;
        }

        string tried = _known.Count == 0
            ? "no registrar known"
            : "tried " + string.Join(", ", _known.Select(k => _huntFailures.TryGetValue(k.EndPoint, out string? why) ? $"{k.EndPoint} ({why})" : $"{k.EndPoint}"));
        string announces = _settings.AnnounceListenEndPoint is { } listen ? $"Server Announces heard at {listen}" : "Server Announces not heard (announce-listen off)";
        _log.Warning(
            "no registrar reachable for {Duration}: {Tried} over {Transport}; {Announces}. Give one with --registrar HOST:PORT "
            + "(rserpool.registrar-client.registrars) or hear announces with --asap-announce HOST:PORT{TransportHint}; still hunting, next warning in {Next}",
            HuntText.Duration(_huntWarnings.FailingFor), tried, TransportName(_connector), announces,
            _connector is TcpRegistrarConnector ? "" : ", or try --registrar-transport tcp", HuntText.Duration(_huntWarnings.NextGap));
    }

    /// <summary>How the connector reaches registrars, as a warning names it.</summary>
    private static string TransportName(IRegistrarConnector connector) => connector switch
    {
        SctpRegistrarConnector => "SCTP",
        AutoRegistrarConnector => "SCTP then TCP",
        _ => "TCP",
    };

    private void Drop(IActorRef association, string reason)
    {
        association.Tell(new CloseAssociation(reason), Self);
        Lost(association, reason);
    }

    private void AnswerStateWaiters()
    {
        RegistrarClientState state = State();
        foreach (IActorRef waiter in _stateWaiters)
        {
            waiter.Tell(state, Self);
        }

        _stateWaiters.Clear();
    }

    private void OnTerminated(IActorRef actor)
    {
        _localAddresses.Remove(actor);
        _tcpAssociations.Remove(actor);
        if (OnTakeoverListenerTerminated(actor))
        {
            return;
        }

        if (actor.Equals(_announceListener))
        {
            _log.Warning("announce listener on {EndPoint} stopped: registrars are found from the static list only", _settings.AnnounceListenEndPoint);
            _announceListener = null;
            AnswerStateWaiters();
            return;
        }

        if (_associations.ContainsKey(actor))
        {
            Lost(actor, "association closed", closedByPeer: true);
            return;
        }

        foreach (var key in _routes.Where(r => r.Value.Equals(actor)).Select(r => r.Key).ToList())
        {
            _routes.Remove(key);
        }
    }

    // The association broke or was dropped: fail what was sent on it, tell the PEs, hunt for the next registrar.
    private void Lost(IActorRef association, string reason, bool closedByPeer = false)
    {
        if (!_associations.Remove(association, out var info))
        {
            return;
        }

        Context.Unwatch(association);
        foreach (PendingRequest pending in _pending.Where(p => association.Equals(p.SentOn)).ToList())
        {
            _pending.Remove(pending);
            Timers.Cancel(("request", pending.Id));
            pending.Requester.Tell(new RegistrarRequestFailed(pending.Request, $"registrar association lost: {reason}", AssociationLost: true), Self);
        }

        if (!association.Equals(_current))
        {
            return;
        }

        _log.Warning("registrar association with {Registrar} lost: {Reason}", info.EndPoint, reason);
        _current = null;
        _currentEndPoint = null;
        int index = _known.FindIndex(k => k.EndPoint.Equals(info.EndPoint));
        _huntIndex = index >= 0 ? index + 1 : _huntIndex;
        _triedInRound = 0;
        foreach (IActorRef pe in _routes.Values.Distinct())
        {
            pe.Tell(new RegistrarAssociationLost(reason), Self);
        }

        if (closedByPeer && !_currentHeard)
        {
            // Closed before a single message (README "TLS": a refused handshake): no tight reconnect loop.
            _log.Debug("registrar association closed before any message: next hunt in {Delay}", _settings.HuntRetryDelay);
            Timers.StartSingleTimer("hunt-backoff", HuntAgain.Instance, _settings.HuntRetryDelay);
            return;
        }
        Hunt();
    }

    // docs/protocol-notes.md §8: announces fill the registrar table, and a new announce starts a new round when no connect is outstanding.
    private void OnAnnounce(ServerAnnounceReceived announce)
    {
        DateTimeOffset expires = _clock.GetUtcNow() + _settings.AnnounceTimeout;
        int index = _known.FindIndex(k => k.EndPoint.Equals(announce.AsapEndPoint));
        if (index < 0)
        {
            _log.Info("registrar 0x{ServerId:x8} announced at {Registrar}", announce.ServerId, announce.AsapEndPoint);
            _known.Add(new KnownRegistrar(announce.AsapEndPoint, announce.ServerId, IsStatic: false, expires));
        }
        else
        {
            KnownRegistrar known = _known[index];
            _known[index] = known with { ServerId = announce.ServerId, ExpiresAt = known.IsStatic || known.FromCluster ? known.ExpiresAt : expires };
        }

        foreach (var (association, info) in _associations.ToList())
        {
            if (info.ServerId == 0 && announce.AsapEndPoint.Equals(info.EndPoint))
            {
                _associations[association] = (info.EndPoint, announce.ServerId);
            }
        }

        if (_current is null && _connecting is null && !Timers.IsTimerActive("hunt"))
        {
            _triedInRound = 0;
            Hunt();
        }
    }

    private void ExpireAnnounced()
    {
        DateTimeOffset now = _clock.GetUtcNow();
        _known.RemoveAll(k => !k.IsStatic && k.ExpiresAt <= now && !k.EndPoint.Equals(_currentEndPoint));
    }
}
