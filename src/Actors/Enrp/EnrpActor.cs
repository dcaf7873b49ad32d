// The ENRP server of one registrar (RFC 5353 §3 procedures, §3.5 takeover, §3.6 audit; docs/protocol-notes.md §10): peer list, Presence.
using System.Net;
using RSerPool.Wire.Errors;
using RSerPool.Actors.Handlespace;
using RSerPool.Actors.Metrics;
using RSerPool.Actors.Registrar;
using RSerPool.Actors.Security;
using Akka.Actor;
using RSerPool.Actors.Time;
using Akka.Event;
using RSerPool.Actors.Transport;
using RSerPool.Wire;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Messages.Enrp;
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Enrp;

/// <summary>
/// Child <c>enrp</c> of the registrar, parent of one <c>peer-&lt;server id&gt;</c> per peer. It is the handler of every ENRP
/// association (listener on <see cref="EnrpSettings.EndPoint"/>, one outbound association per peer endpoint), keeps
/// the peer list with one <see cref="EnrpPeerActor"/> per peer, and a replica of the whole handlespace
/// (<see cref="PoolHandlespace"/>: owner, expiry and marks of every PE) from which it answers Handle Table Requests,
/// computes checksums and drives audits and takeovers. It tells the registrar what the pools must change
/// (<see cref="ReplicaChanges"/>, one message per Handle Table Response part; <see cref="OwnershipTransfer"/>) and learns the home
/// PEs' changes from it (<see cref="HomeElementUpdated"/>, <see cref="PoolElementRemoved"/>).
/// </summary>
internal sealed partial class EnrpActor : ReceiveActor, IWithTimers
{
    // The system's clock (RSerPoolClock), looked up once.
    private readonly TimeProvider _clock = Context.System.Clock;
    private const string HeartbeatTimer = "heartbeat";
    private const string MentorTimer = "mentor-discovery";

    private readonly uint _serverId;
    private readonly EnrpSettings _settings;
    private readonly EnrpWireCodec _codec;
    private readonly PoolHandlespace _replica;
    private readonly ILoggingAdapter _log;
    private readonly Random _random;
    private readonly Dictionary<uint, PeerEntry> _peers = [];
    private readonly Dictionary<IPEndPoint, IActorRef> _outbound = [];
    private readonly Dictionary<IActorRef, IPEndPoint> _outboundEndPoints = [];
    private readonly Dictionary<IActorRef, int> _invalidCounts = [];
    private readonly Dictionary<IActorRef, IPAddress> _remoteAddresses = [];
    private readonly Dictionary<IPEndPoint, IActorRef> _sharedAssociations = [];
    private readonly Dictionary<IActorRef, IEnrpTransport> _associationTransports = [];
    private readonly Dictionary<IPEndPoint, IEnrpTransport> _endPointTransports = [];
    private readonly HashSet<IActorRef> _establishedOutbound = [];
    private EnrpSettings _connectSettings;
    private IActorRef _additionalListener = ActorRefs.Nobody;
    private bool _additionalServed;
    private readonly List<PoolElementEntry> _scratch = [];
    private IPEndPoint? _endPoint;
    private IActorRef _udpPresence = ActorRefs.Nobody;
    private bool _inStartup = true;
    private uint _mentorId;
    private long _connectionNumber;
    private long _peerIncarnations;

    public EnrpActor(uint serverId, EnrpSettings settings, HandlespaceSettings handlespace, AccessControl? acl = null, RefusalBook? refusals = null)
    {
        _serverId = serverId;
        _acl = acl ?? AccessControl.Open;
        _refusals = refusals ?? new RefusalBook();
        _settings = settings;
        _codec = new EnrpWireCodec(serverId);
        _replica = new PoolHandlespace(handlespace with { MaxElementsPerAssociation = int.MaxValue, MaxUnreachableReports = int.MaxValue });
        _log = Context.GetLogger();
        _random = new Random(unchecked((int)serverId));
        _connectSettings = settings;

        Receive<Bound>(bound => bound.Listener.Equals(_additionalListener), OnAdditionalBound);
        Receive<Bound>(OnBound);
        Receive<BindFailed>(_ => Sender.Equals(_additionalListener), failed =>
        {
            _log.Warning("registrar 0x{ServerId:x8}: ENRP not served over {Transport} on {EndPoint}: {Reason}",
                _serverId, _settings.AdditionalTransport!.Name, failed.EndPoint, failed.Reason);
            _additionalListener = ActorRefs.Nobody;
            ReportBound();
        });
        Receive<BindFailed>(failed =>
        {
            _log.Error("registrar 0x{ServerId:x8}: cannot listen on ENRP endpoint {EndPoint}: {Reason}", _serverId, failed.EndPoint, failed.Reason);
            Context.Parent.Tell(new EnrpStartFailed(failed.EndPoint, failed.Reason), Self);
            Context.Stop(Self);
        });
        Receive<AssociationEstablished>(established =>
        {
            if (established.Remote is IPEndPoint remote)
            {
                IPAddress address = Normalized(remote.Address);
                if (RefusedAtAccept(established, address))
                {
                    return;
                }

                _remoteAddresses[established.Association] = address;
                if (OutboundOf(established.Association) is { } outbound)
                {
                    _establishedOutbound.Add(outbound);
                    OnOutboundEstablished(_outboundEndPoints[outbound]);
                    _associationTransports[established.Association] = _associationTransports[outbound];
                }

                if (TransportOf(established.Association).SharesAssociations)
                {
                    _sharedAssociations[new IPEndPoint(address, remote.Port)] = established.Association;
                }
                RememberIdentity(established.Association, established.Identity);
                Context.Watch(established.Association);
            }
        });
        Receive<AssociationReceived<EnrpMessage>>(_ => _refused.Contains(Sender), _ => { });   // closing: nothing processed
        Receive<AssociationReceived<EnrpMessage>>(received => OnMessage(received.Message, Sender));
        Receive<EnrpTick>(tick => tick == EnrpTick.Heartbeat, _ => Heartbeat());
        Receive<EnrpTick>(tick => tick == EnrpTick.MentorDiscoveryOver, _ => EndStartup("no mentor answered in time"));
        Receive<HomeElementUpdated>(OnHomeUpdated);
        Receive<PoolElementRemoved>(OnPoolElementRemoved);
        Receive<PeerProbeDue>(probe =>
        {
            if (_peers.TryGetValue(probe.ServerId, out PeerEntry? peer) && peer.Actor.Equals(Sender))
            {
                _log.Debug("ENRP peer 0x{PeerId:x8} silent for {Time}: probing", peer.ServerId, _settings.MaxTimeLastHeard);
                SendPresence(peer, replyRequired: true);
            }
        });
        // Only the current incarnation of a peer actor speaks for that peer: a removed one may still be stopping.
        Receive<PeerSilent>(silent => _peers.TryGetValue(silent.ServerId, out PeerEntry? peer) && peer.Actor.Equals(Sender),
            silent => OnPeerSilent(silent.ServerId));
        Receive<UdpPresenceReceived>(received => OnUdpPresence(received.Presence, received.Source));
        Receive<TakeoverExpired>(expired => OnTakeoverExpired(expired.TargetId));
        Receive<GetEnrpStatus>(_ => Sender.Tell(Status(), Self));
        Receive<EnrpConnectFailed>(OnConnectFailed);
        Receive<Terminated>(terminated => _refused.Remove(terminated.ActorRef), _ => { });
        Receive<Terminated>(terminated => OnTerminated(terminated.ActorRef));
        ReceiveCluster();
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(uint serverId, EnrpSettings settings, HandlespaceSettings handlespace, AccessControl? acl = null, RefusalBook? refusals = null) =>
        Akka.Actor.Props.Create(() => new EnrpActor(serverId, settings, handlespace, acl, refusals));

    // A failing peer actor is not restarted with stale timers: the next Presence creates it again.
    protected override SupervisorStrategy SupervisorStrategy() => Akka.Actor.SupervisorStrategy.StoppingStrategy;

    protected override void PreStart() => _settings.Transport.Listen(Context, _settings.EndPoint, Self, _codec, _settings, "enrp-listener");

    private long Now => _clock.GetUtcNow().ToUnixTimeMilliseconds();

    // docs/protocol-notes.md §10: serve ENRP, greet the static peers, wait for a mentor.
    private void OnBound(Bound bound)
    {
        _endPoint = bound.LocalEndPoint;
        _connectSettings = _settings with { EndPoint = bound.LocalEndPoint };
        _log.Info("registrar 0x{ServerId:x8} serving ENRP over {Transport} on {EndPoint} ({Count} static peers)",
            _serverId, _settings.Transport.Name, bound.LocalEndPoint, _settings.Peers.Count);
        if (_settings.AdditionalTransport is { } additional)
        {
            if (additional.UnavailableReason is { } reason)
            {
                _log.Info("registrar 0x{ServerId:x8}: ENRP over {Transport} only, not {Additional}: {Reason}", _serverId, _settings.Transport.Name, additional.Name, reason);
            }
            else
            {
                _additionalListener = additional.Listen(Context, bound.LocalEndPoint, Self, _codec, _settings, $"enrp-listener-{additional.Name}");
            }
        }

        if (_additionalListener.Equals(ActorRefs.Nobody))
        {
            ReportBound();
        }
        if (_settings.PresenceTargets.Count > 0)
        {
            _udpPresence = Context.ActorOf(UdpPresenceActor.Props(bound.LocalEndPoint, _settings.PresenceTargets, _settings.MulticastTimeToLive,
                _settings.Association.WireLimits), "presence-udp");
        }

        Timers.StartSingleTimer(MentorTimer, EnrpTick.MentorDiscoveryOver, _settings.MentorDiscoveryTimeout);
        Heartbeat();
    }

    // RFC 5353 §3.4.2 sending: Presence to every peer and to every static endpoint not yet identified (Receiver ID 0).
    private void Heartbeat()
    {
        RemoveExpiredCopies();
        foreach (PeerEntry peer in _peers.Values)
        {
            SendPresence(peer, replyRequired: false);
        }

        foreach (IPEndPoint endPoint in _settings.Peers.Concat(ClusterPeerEndPoints))
        {
            if (!_peers.Values.Any(peer => endPoint.Equals(peer.EndPoint)))
            {
                SendTo(endPoint, Presence(0, replyRequired: true));
            }
        }

        if (!_udpPresence.Equals(ActorRefs.Nobody))
        {
            _udpPresence.Tell(new SendPresenceDatagram(EnrpEncoder.EncodeToArray(Presence(0, replyRequired: false))), Self);
            RSerPoolMetrics.EnrpSent(EnrpMessageType.Presence);
        }

        // Jitter ±12.5 % (docs/protocol-notes.md §7, RSPLIB registrarRandomizeCycle).
        double factor = 0.875 + (0.25 * _random.NextDouble());
        Timers.StartSingleTimer(HeartbeatTimer, EnrpTick.Heartbeat, _settings.PeerHeartbeatCycle * factor);
    }

    // Issue 7: the same ENRP port over a second transport (SCTP next to TCP).
    private void OnAdditionalBound(Bound bound)
    {
        _additionalServed = true;
        _log.Info("registrar 0x{ServerId:x8} serving ENRP over {Transport} on {EndPoint} too", _serverId, _settings.AdditionalTransport!.Name, bound.LocalEndPoint);
        ReportBound();
    }

    private void ReportBound() => Context.Parent.Tell(new EnrpBound(_endPoint!, ServedTransports()), Self);

    private IReadOnlyList<string> ServedTransports() =>
        _additionalServed ? [_settings.Transport.Name, _settings.AdditionalTransport!.Name] : [_settings.Transport.Name];

    // The outbound actor a transport made for this association: the association itself or its parent (the actor that
    // connects hands the socket to a child).
    private IActorRef? OutboundOf(IActorRef association) =>
        _outboundEndPoints.ContainsKey(association)
            ? association
            : _outboundEndPoints.Keys.FirstOrDefault(outbound => association.Path.Parent?.Equals(outbound.Path) == true);

    // Outbound associations were made by a known transport; inbound ones by the additional listener or the primary one.
    private IEnrpTransport TransportOf(IActorRef association)
    {
        if (_associationTransports.TryGetValue(association, out IEnrpTransport? transport))
        {
            return transport;
        }

        if (_additionalServed && _settings.AdditionalTransport!.Accepted(_additionalListener, association))
        {
            _associationTransports[association] = _settings.AdditionalTransport;
            return _settings.AdditionalTransport;
        }

        return _settings.Transport;
    }

    private EnrpPresence Presence(uint receiverId, bool replyRequired)
    {
        ushort checksum = _replica.ChecksumOf(_serverId).Finish();
        return new EnrpPresence(_serverId, receiverId, checksum, OwnServerInformation(), replyRequired);
    }

    private void SendPresence(PeerEntry peer, bool replyRequired) => SendToPeer(peer, Presence(peer.ServerId, replyRequired));

    private ServerInformation OwnServerInformation()
    {
        IPEndPoint local = _endPoint ?? _settings.EndPoint;
        return new ServerInformation(_serverId, new SctpTransport((ushort)local.Port, TransportUse.DataOnly, [local.Address]));
    }

    private void OnMessage(EnrpMessage message, IActorRef association)
    {
        RSerPoolMetrics.EnrpReceived(message.Type);
        uint senderId = message.SenderServerId;
        if (senderId == _serverId)
        {
            return;   // docs/protocol-notes.md §10 "Own messages"
        }

        if (senderId == 0)
        {
            Invalid(association, $"{message.Type} without a sender id");
            return;
        }

        // A Presence tells that its sender lives whoever it was meant for (e.g. this registrar's previous id).
        if (message is EnrpPresence presence)
        {
            OnPresence(presence, association);
            return;
        }

        if (message.ReceiverServerId != 0 && message.ReceiverServerId != _serverId)
        {
            _log.Debug("ENRP {Type} from 0x{PeerId:x8} for 0x{ReceiverId:x8} ignored: not this registrar", message.Type, senderId, message.ReceiverServerId);
            return;
        }

        if (message is EnrpError error)
        {
            _log.Warning("ENRP Error from 0x{PeerId:x8}: {Causes}", senderId, string.Join(", ", error.Error.Causes.Select(c => ErrorCauseText.Describe(c.Code))));
            return;
        }

        if (!_peers.TryGetValue(senderId, out PeerEntry? peer))
        {
            if (message is EnrpHandleTableRequest)
            {
                // docs/protocol-notes.md §10 responder: not in the peer list → R=1.
                association.Tell(new AssociationSend<EnrpMessage>(new EnrpHandleTableResponse(_serverId, senderId, default, Rejected: true)), Self);
                RSerPoolMetrics.EnrpSent(EnrpMessageType.HandleTableResponse);
            }
            else if (message is EnrpInitTakeover initTakeover)
            {
                OnInitTakeover(initTakeover, null, association);
            }
            else if (message is EnrpTakeoverServer takeoverServer)
            {
                OnTakeoverServer(takeoverServer);
            }
            else
            {
                Invalid(association, $"{message.Type} from unknown registrar 0x{senderId:x8}");
            }

            return;
        }

        Heard(peer, association);
        switch (message)
        {
            case EnrpHandleUpdate update:
                OnHandleUpdate(update, peer, association);
                break;
            case EnrpHandleTableRequest request:
                OnHandleTableRequest(request, peer);
                break;
            case EnrpHandleTableResponse response:
                OnHandleTableResponse(response, peer, association);
                break;
            case EnrpListRequest:
                SendToPeer(peer, new EnrpListResponse(_serverId, peer.ServerId, ListEntries()));
                break;
            case EnrpListResponse list:
                OnListResponse(list);
                break;
            case EnrpInitTakeover initTakeover:
                OnInitTakeover(initTakeover, peer, association);
                break;
            case EnrpInitTakeoverAck ack:
                OnInitTakeoverAck(ack);
                break;
            case EnrpTakeoverServer takeoverServer:
                OnTakeoverServer(takeoverServer);
                break;
            default:
                break;
        }
    }

    // RFC 5353 §3.4; docs/protocol-notes.md §10 receiving a Presence.
    private void OnPresence(EnrpPresence presence, IActorRef association)
    {
        uint senderId = presence.SenderServerId;
        bool isNew = !_peers.TryGetValue(senderId, out PeerEntry? peer);
        if (peer is null)
        {
            if (_peers.Count >= _settings.MaxPeers)
            {
                Invalid(association, $"Presence from 0x{senderId:x8}: {_settings.MaxPeers} peers known");
                return;
            }

            peer = AddPeer(senderId);
        }

        if (EndPointOf(presence.ServerInformation, association) is { } endPoint)
        {
            peer.EndPoint = endPoint;
            if (_additionalServed)
            {
                _endPointTransports[endPoint] = TransportOf(association);   // answer a peer over the transport it spoke
            }
        }

        Heard(peer, association);
        CancelTakeoverOf(senderId);
        if (isNew)
        {
            SendPresence(peer, replyRequired: true);
            OnReturn(peer);
        }

        if (_inStartup && _mentorId == 0)
        {
            _mentorId = senderId;
            _log.Info("registrar 0x{ServerId:x8}: 0x{PeerId:x8} is the mentor; downloading its handlespace", _serverId, senderId);
            StartDownload(peer, ownChildrenOnly: false);
        }

        // Step 5 (stream associations only): audit on a checksum mismatch; the first time, ask for its peer list.
        AbandonStalledDownload(peer);
        if (peer.SyncOwnChildrenOnly is null && presence.Checksum is { } checksum)
        {
            ushort local = _replica.ChecksumOf(senderId).Finish();
            bool agrees = checksum == local || IsSettledByAcl(peer, checksum, local);
            if (agrees)
            {
                Resynchronised(peer);
            }

            if (!agrees)
            {
                _log.Info("ENRP audit of 0x{PeerId:x8}: its checksum 0x{Remote:x4}, ours 0x{Local:x4}", senderId, checksum, local);
                peer.AuditedChecksum = checksum;
                StartDownload(peer, ownChildrenOnly: true);
            }
            else if (peer.State == EnrpPeerState.Presence)
            {
                SetState(peer, EnrpPeerState.InService);
            }
        }

        if (!peer.ListRequested)
        {
            peer.ListRequested = true;
            SendToPeer(peer, new EnrpListRequest(_serverId, senderId));
        }

        if (presence.ReplyRequired && !isNew)
        {
            SendPresence(peer, replyRequired: false);
        }
    }

    // RFC 5353 §3.4 for a Presence by UDP: the source address with the Server Information's port; no
    // audit, no answer on UDP (a new peer is greeted by unicast over its association).
    private void OnUdpPresence(EnrpPresence presence, IPEndPoint source)
    {
        RSerPoolMetrics.EnrpReceived(EnrpMessageType.Presence);
        uint senderId = presence.SenderServerId;
        if (senderId == _serverId || senderId == 0)
        {
            return;
        }

        RememberAnnouncer(source.Address);

        bool isNew = !_peers.TryGetValue(senderId, out PeerEntry? peer);
        if (peer is null)
        {
            if (_peers.Count >= _settings.MaxPeers)
            {
                return;
            }

            peer = AddPeer(senderId);
        }

        int port = presence.ServerInformation?.Transport.Port is { } announced and > 0 ? announced : source.Port;
        IPAddress address = source.Address.IsIPv4MappedToIPv6 ? source.Address.MapToIPv4() : source.Address;
        peer.EndPoint ??= new IPEndPoint(address, port);
        peer.Silent = false;
        peer.AwaitsMajority = false;
        peer.Actor.Tell(PeerHeard.Instance, Self);
        CancelTakeoverOf(senderId);
        if (isNew)
        {
            SendPresence(peer, replyRequired: true);
        }
    }

    private PeerEntry AddPeer(uint serverId)
    {
        // A peer removed (taken over, or gone) and heard again gets a new actor while the old one may still be stopping.
        var actor = Context.ActorOf(EnrpPeerActor.Props(serverId, _settings), $"peer-{serverId:x8}-{++_peerIncarnations}");
        var peer = new PeerEntry(serverId, actor);
        _peers.Add(serverId, peer);
        _log.Info("registrar 0x{ServerId:x8}: new ENRP peer 0x{PeerId:x8}", _serverId, serverId);
        return peer;
    }

    private void RemovePeer(uint serverId, string why)
    {
        if (!_peers.Remove(serverId, out PeerEntry? peer))
        {
            return;
        }

        _tableCursors.Remove(serverId);
        if (peer.EndPoint is { } endPoint && !_settings.Peers.Contains(endPoint))
        {
            _endPointTransports.Remove(endPoint);   // bounded by the peer list (static peers keep what they spoke)
        }

        Context.Stop(peer.Actor);
        _log.Warning("registrar 0x{ServerId:x8}: ENRP peer 0x{PeerId:x8} removed: {Why}", _serverId, serverId, why);
        if (_inStartup && _mentorId == serverId)
        {
            EndStartup("the mentor went away");
        }

        StopAwaitingAcknowledgementFrom(serverId);
    }

    private void Heard(PeerEntry peer, IActorRef association)
    {
        peer.LastAssociation = association;
        peer.Silent = false;
        peer.AwaitsMajority = false;
        peer.Actor.Tell(PeerHeard.Instance, Self);
    }

    private void SetState(PeerEntry peer, EnrpPeerState state)
    {
        if (peer.State != state)
        {
            peer.State = state;
            peer.Actor.Tell(new PeerStateChange(state), Self);
        }
    }

    // docs/protocol-notes.md §10: the Server Information address, or the association's remote address when it is a wildcard.
    private IPEndPoint? EndPointOf(ServerInformation? information, IActorRef association)
    {
        if (information?.Transport is not { Port: > 0 } transport)
        {
            return null;
        }

        IPAddress? address = transport.Addresses.FirstOrDefault(a => !TransportAddresses.IsUnspecified(a));
        if (address is null && _outboundEndPoints.TryGetValue(association, out IPEndPoint? outbound))
        {
            address = outbound.Address;
        }

        if (address is null && _remoteAddresses.TryGetValue(association, out IPAddress? remote))
        {
            address = remote;
        }

        return address is null ? null : new IPEndPoint(address, transport.Port);
    }

    // RFC 5353 §3.2.2.2: the peers' Server Information (peers without a known endpoint are left out).
    private ValueArray<ServerInformation> ListEntries()
    {
        var entries = _peers.Values
            .Where(peer => peer.EndPoint is not null)
            .Select(peer => new ServerInformation(peer.ServerId, new SctpTransport((ushort)peer.EndPoint!.Port, TransportUse.DataOnly, [peer.EndPoint.Address])))
            .ToArray();
        return ValueArray.Create<ServerInformation>(entries);
    }

    // RFC 5353 §3.2.2.2 receiver: new peers are greeted with Presence (they answer and join the peer list).
    private void OnListResponse(EnrpListResponse list)
    {
        if (list.Rejected)
        {
            return;
        }

        foreach (ServerInformation information in list.Servers)
        {
            uint id = information.ServerIdentifier;
            if (id == 0 || id == _serverId || _peers.ContainsKey(id) || _peers.Count >= _settings.MaxPeers)
            {
                continue;
            }

            IPAddress? address = information.Transport.Addresses.FirstOrDefault(a => !TransportAddresses.IsUnspecified(a));
            if (address is not null)
            {
                SendTo(new IPEndPoint(address, information.Transport.Port), Presence(0, replyRequired: true));
            }
        }
    }

    private void EndStartup(string why)
    {
        if (!_inStartup)
        {
            return;
        }

        _inStartup = false;
        Timers.Cancel(MentorTimer);
        _log.Info("registrar 0x{ServerId:x8}: ENRP startup phase over ({Why}); {Count} PEs known", _serverId, why, _replica.ElementCount);
        Context.Parent.Tell(EnrpStartupOver.Instance, Self);
    }

    private void SendToPeer(PeerEntry peer, EnrpMessage message)
    {
        if (peer.EndPoint is { } endPoint)
        {
            SendTo(endPoint, message);
        }
        else
        {
            peer.LastAssociation.Tell(new AssociationSend<EnrpMessage>(message), Self);
            RSerPoolMetrics.EnrpSent(message.Type);
        }
    }

    private void SendTo(IPEndPoint endPoint, EnrpMessage message)
    {
        if (!_outbound.TryGetValue(endPoint, out IActorRef? association) && !_sharedAssociations.TryGetValue(endPoint, out association))
        {
            IEnrpTransport transport = _endPointTransports.GetValueOrDefault(endPoint) ?? _settings.Transport;
            association = transport.Connect(Context, endPoint, Self, _codec, _connectSettings, $"connection-{++_connectionNumber}");
            _associationTransports[association] = transport;
            Context.Watch(association);
            _outbound.Add(endPoint, association);
            _outboundEndPoints.Add(association, endPoint);
        }

        association.Tell(new AssociationSend<EnrpMessage>(message), Self);
        RSerPoolMetrics.EnrpSent(message.Type);
    }

    // A peer that keeps sending what cannot be used is disconnected (issue 6 "bad input and limits").
    private void Invalid(IActorRef association, string why)
    {
        int count = _invalidCounts.TryGetValue(association, out int seen) ? seen + 1 : 1;
        _invalidCounts[association] = count;
        _log.Warning("ENRP: {Why}", why);
        if (count == _settings.MaxInvalidMessagesPerAssociation)
        {
            _log.Warning("ENRP association closed: {Count} invalid messages", count);
            association.Tell(new CloseAssociation($"{count} invalid ENRP messages"), Self);
        }
    }

    private void OnTerminated(IActorRef actor)
    {
        if (_outboundEndPoints.Remove(actor, out IPEndPoint? endPoint))
        {
            _outbound.Remove(endPoint);
            bool neverConnected = !_establishedOutbound.Contains(actor);
            if (neverConnected && _additionalServed && !_peers.Values.Any(peer => endPoint.Equals(peer.EndPoint)))
            {
                // Not reachable over this transport (e.g. RSPLIB has no ENRP over TCP): the next Presence tries the other.
                IEnrpTransport tried = _associationTransports.GetValueOrDefault(actor) ?? _settings.Transport;
                _endPointTransports[endPoint] = ReferenceEquals(tried, _settings.Transport) ? _settings.AdditionalTransport! : _settings.Transport;
            }
        }

        _associationTransports.Remove(actor);
        _establishedOutbound.Remove(actor);

        _invalidCounts.Remove(actor);
        _identities.Remove(actor);
        if (_remoteAddresses.Remove(actor))
        {
            foreach (var shared in _sharedAssociations.Where(entry => entry.Value.Equals(actor)).Select(entry => entry.Key).ToArray())
            {
                _sharedAssociations.Remove(shared);
            }
        }
    }

    private EnrpStatus Status() => new(
        _serverId,
        _endPoint,
        _inStartup,
        _mentorId,
        _peers.Values.OrderBy(peer => peer.ServerId).Select(peer => new EnrpPeerStatus(peer.ServerId, peer.EndPoint, peer.State, peer.Silent)).ToList(),
        _takeovers.Keys.Order().ToList(),
        _takenOver.ToList())
    {
        ServedTransports = _endPoint is null ? [] : ServedTransports(),
        UnreachablePeers = UnreachablePeers(),
    };
}
