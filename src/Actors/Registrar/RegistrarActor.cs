using System.Net;
using RSerPool.Actors.Cluster;
using RSerPool.Actors.Enrp;
using RSerPool.Actors.Handlespace;
using Akka.Actor;
using RSerPool.Actors.Security;
using RSerPool.Actors.Time;
using Akka.Event;
using RSerPool.Actors.Transport;
using RSerPool.Actors.Transport.Sctp;
using RSerPool.Wire;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Registrar;

/// <summary>
/// The registrar (ENRP server, "PR"): handler of every ASAP association. Children:
/// <c>asap-listener</c> (<see cref="TcpListenerActor{TMessage}"/>), <c>announcer</c> (<see cref="UdpAnnouncerActor"/>,
/// ASAP Server Announce, docs/protocol-notes.md §7) and one <see cref="PoolActor"/> <c>pool-&lt;n&gt;</c> per pool. It routes each
/// message by pool handle, enforces the limits that span pools (pools, PEs per association: cause 0x0006; handle
/// length: cause 0x0003) and the per-association rates of Handle Resolutions (over the rate: the failure form with
/// cause 0x0009, as RSPLIB) and Endpoint Unreachable reports (over the rate: ignored), and keeps per-owner PE
/// checksums (RFC 5353 §3.6.2) from the pools' events. With ENRP settings it has an <c>enrp</c> child
/// (<see cref="EnrpActor"/>): it passes the pools' home-PE changes to it and its replica changes to the pools.
/// Messages a registrar does not take (Keep Alive, responses, Server Announce, control-channel messages) are answered
/// with an ASAP Error, cause 0x0002 Unrecognized Message with the message (RFC 5352 §2.2.14, docs/protocol-notes.md §9; RSPLIB ignores them
/// silently); a received ASAP Error is logged and never answered.
/// </summary>
public sealed partial class RegistrarActor : ReceiveActor
{
    private readonly RegistrarSettings _settings;
    private readonly IActorRef? _observer;
    private readonly uint _serverId;
    private readonly ILoggingAdapter _log;
    private readonly Dictionary<IActorRef, AssociationState> _associations = [];
    private readonly Dictionary<long, AssociationState> _associationsById = [];
    private readonly Dictionary<PoolHandle, PoolRoute> _pools = [];
    private readonly Dictionary<IActorRef, PoolRoute> _poolsByActor = [];
    private readonly Dictionary<uint, PeChecksum> _checksums = [];
    private readonly RefusalBook _refusals = new();
    private readonly RateLimitGate _rateLimits;
    private IActorRef _listener = ActorRefs.Nobody;
    private IActorRef _enrp = ActorRefs.Nobody;
    private IPEndPoint? _asapEndPoint;
    private IPEndPoint? _enrpEndPoint;
    private IReadOnlyList<string>? _enrpTransports;
    private bool _plaintextChecked;
    private IActorRef _sctpListener = ActorRefs.Nobody;
    private IPEndPoint? _asapSctpEndPoint;
    private bool _sctpSettled;
    private bool _announcing;
    private bool _enrpStartupOver;
    private long _nextAssociationId;
    private long _nextPoolNumber;
    private long _nextSnapshotNumber;

    public RegistrarActor(RegistrarSettings settings, IActorRef? observer)
    {
        _settings = settings;
        _observer = observer;
        _serverId = settings.ServerId != 0 ? settings.ServerId : (uint)Random.Shared.NextInt64(1, 0x1_0000_0000);
        _log = Context.GetLogger();
        _rateLimits = new RateLimitGate(settings, Context.System.Clock);

        Receive<AssociationReceived<AsapMessage>>(received => OnAsapMessage(received.Message, Sender));
        Receive<AssociationEstablished>(established => Establish(established.Association, established.Remote, established.Identity));
        Receive<PoolElementRegistered>(OnRegistered);
        Receive<PoolElementsRegistered>(batch =>
        {
            foreach (PoolElementRegistered registered in batch.Registered)
            {
                OnRegistered(registered);
            }
        });
        Receive<RegistrationRefused>(refused =>
        {
            if (_associationsById.TryGetValue(refused.AssociationId, out AssociationState? state))
            {
                state.Pending.Remove(new PeKey(refused.PoolHandle, refused.Identifier));
            }
        });
        Receive<PoolElementRemoved>(OnRemoved);
        Receive<PoolIdle>(OnPoolIdle);
        Receive<GetHandlespaceSnapshot>(_ => Snapshot(Sender));
        Receive<GetRegistrarLoad>(_ => Sender.Tell(new RegistrarLoad(_associationsById.Count), Self));
        Receive<Bound>(OnBound);
        Receive<BindFailed>(_ => Sender.Equals(_sctpListener), failed =>
        {
            _log.Error("registrar 0x{ServerId:x8}: cannot serve ASAP on SCTP {EndPoint}: {Reason}; TCP only", _serverId, failed.EndPoint, failed.Reason);
            _sctpSettled = true;
            StartAnnouncingIfReady();
            ReportStartedIfReady();
        });
        Receive<BindFailed>(failed =>
        {
            _log.Error("registrar 0x{ServerId:x8}: cannot listen on ASAP endpoint {EndPoint}: {Reason}", _serverId, failed.EndPoint, failed.Reason);
            _observer?.Tell(new RegistrarStartFailed(failed.EndPoint, failed.Reason), Self);
            Context.Stop(Self);
        });
        Receive<Terminated>(terminated => OnTerminated(terminated.ActorRef));

        // ENRP (RFC 5353 §3.3-§3.5): home changes go out, replica changes come in.
        Receive<HomeElementUpdated>(updated =>
        {
            if (_settings.Enrp is not null && _poolsByActor.ContainsKey(Sender))
            {
                _enrp.Tell(updated, Self);
            }
        });
        Receive<ReplicaChanges>(changes => Sender.Equals(_enrp), ApplyReplicaChanges);
        Receive<OwnershipTransfer>(transfer => Sender.Equals(_enrp), TransferOwnership);
        Receive<EnrpStartupOver>(_ => Sender.Equals(_enrp), _ =>
        {
            _enrpStartupOver = true;
            StartAnnouncingIfReady();
        });
        Receive<EnrpBound>(bound =>
        {
            _enrpEndPoint = bound.LocalEndPoint;
            _enrpTransports = bound.Transports;
            ReportStartedIfReady();
        });
        Receive<EnrpStartFailed>(failed =>
        {
            _observer?.Tell(new RegistrarStartFailed(failed.EndPoint, failed.Reason), Self);
            Context.Stop(Self);
        });
        Receive<GetEnrpStatus>(get => _settings.Enrp is not null, get => _enrp.Tell(get, Sender));
        Receive<IEnrpClusterNotice>(_ => _settings.Enrp is not null, notice => _enrp.Forward(notice));   // issue 15, src/Actors/Cluster
        ReceiveAdoption();
        ReceivePoolWatch();
    }

    /// <summary>
    /// A registrar with <paramref name="settings"/>. <paramref name="observer"/>, when given, is told
    /// <see cref="RegistrarStarted"/> (with the bound port) or <see cref="RegistrarStartFailed"/>.
    /// </summary>
    public static Props Props(RegistrarSettings settings, IActorRef? observer = null)
    {
        Props props = Akka.Actor.Props.Create(() => new RegistrarActor(settings, observer));
        string? dispatcher = settings.ResolveDispatcher(SctpSupport.IsAvailable);
        return dispatcher is null ? props : props.WithDispatcher(dispatcher);
    }

    protected override SupervisorStrategy SupervisorStrategy() => Akka.Actor.SupervisorStrategy.StoppingStrategy;

    protected override void PreStart()
    {
        var props = TcpListenerActor<AsapMessage>.Props(_settings.AsapEndPoint, Self, AsapWireCodec.Instance, _settings.Association, _settings.MaxAssociations);
        _listener = Context.ActorOf(props, "asap-listener");
        Context.Watch(_listener);
        _enrpStartupOver = _settings.Enrp is null;
        if (_settings.Enrp is { } enrp)
        {
            _enrp = Context.ActorOf(EnrpActor.Props(_serverId, enrp, _settings.Handlespace, _settings.Acl, _refusals), "enrp");
            Context.Watch(_enrp);
        }
        // With AsapSctpOnTcpEndPoint the SCTP listener starts once the TCP one is bound (OnBound).
        _sctpSettled = !SctpSupport.IsAvailable || (_settings.AsapSctpEndPoint is null && !_settings.AsapSctpOnTcpEndPoint);
        if (!_sctpSettled && !_settings.AsapSctpOnTcpEndPoint)
        {
            ListenOnSctp(_settings.AsapSctpEndPoint!);
        }
    }

    private void ListenOnSctp(IPEndPoint endPoint)
    {
        var sctpProps = _settings.AsapSctpStyle == SctpSocketStyle.OneToMany
            ? SctpOneToManyListenerActor<AsapMessage>.Props(endPoint, Self, AsapWireCodec.Instance, _settings.Association, _settings.AsapSctp,
                _settings.MaxAssociations).WithDispatcher(Context.Props.Dispatcher)
            : SctpListenerActor<AsapMessage>.Props(endPoint, Self, AsapWireCodec.Instance, _settings.Association, _settings.AsapSctp,
                _settings.MaxAssociations);
        _sctpListener = Context.ActorOf(sctpProps, "asap-sctp-listener");
    }

    private void ReportStartedIfReady()
    {
        if (_asapEndPoint is not null && _sctpSettled && (_settings.Enrp is null || _enrpEndPoint is not null))
        {
            WarnAboutPlaintext();
            _observer?.Tell(new RegistrarStarted(_serverId, _asapEndPoint, _enrpEndPoint, _enrpTransports) { AsapSctpEndPoint = _asapSctpEndPoint }, Self);
        }
    }

    // README "TLS": one WARN when ASAP or ENRP over TCP is reachable from other hosts in plaintext (RFC 5355 section 3
    // threats), and one when TLS is on but SCTP listeners serve plaintext next to it (SCTP stays plaintext for RSPLIB).
    private void WarnAboutPlaintext()
    {
        if (_plaintextChecked)
        {
            return;
        }
        _plaintextChecked = true;
        bool enrpOverTcp = _enrpTransports?.Contains("tcp", StringComparer.OrdinalIgnoreCase) == true;
        var plaintext = PlaintextExposure.Listeners(_asapEndPoint!, _settings.Association.Tls is not null, _settings.Enrp is null ? null : _enrpEndPoint,
            enrpOverTcp, _settings.Enrp?.Association.Tls is not null);
        if (plaintext.Count > 0)
        {
            _log.Warning("registrar 0x{ServerId:x8} serves {Listeners} without TLS on a non-loopback address: anyone who reaches it can register, " +
                "resolve and peer (give --tls-cert, --tls-key and --tls-ca; README \"TLS\")", _serverId, string.Join(" and ", plaintext));
        }
        bool sctp = _asapSctpEndPoint is not null || _enrpTransports?.Contains("sctp", StringComparer.OrdinalIgnoreCase) == true;
        if (_settings.Association.Tls is not null && sctp)
        {
            _log.Warning("registrar 0x{ServerId:x8}: TLS covers ASAP and ENRP over TCP only; the SCTP listeners stay plaintext (RSPLIB interop; README \"TLS\")", _serverId);
        }
    }

    // Copies from peers (RFC 5353 §3.3, §3.6.3), split into one message per run of the same pool (order kept per pool); a
    // new pool counts against the pool limit like a registration, and removals for a pool that does not exist are moot.
    private void ApplyReplicaChanges(ReplicaChanges message)
    {
        ReplicaChange[] changes = message.Changes;
        int start = 0;
        while (start < changes.Length)
        {
            PoolHandle handle = changes[start].PoolHandle;
            int end = start + 1;
            bool applies = changes[start].Element is not null;
            while (end < changes.Length && changes[end].PoolHandle == handle)
            {
                applies |= changes[end].Element is not null;
                end++;
            }

            if (RouteForReplica(handle, applies, end - start) is { } route)
            {
                ReplicaChange[] run = start == 0 && end == changes.Length ? changes : changes[start..end];
                route.Routed++;
                route.Actor.Tell(new ReplicaChanges(run), Self);
            }

            start = end;
        }
    }

    private PoolRoute? RouteForReplica(PoolHandle handle, bool applies, int count)
    {
        if (_pools.TryGetValue(handle, out PoolRoute? route))
        {
            return route;
        }

        if (!applies)
        {
            return null;
        }

        if (_pools.Count >= _settings.Handlespace.MaxPools)
        {
            _log.Warning("{Count} replica changes in {PoolHandle} dropped: {Max} pools exist", count, handle, _settings.Handlespace.MaxPools);
            return null;
        }

        return CreatePool(handle);
    }

    // RFC 5353 §3.5: every pool moves the PEs of the taken-over registrar; our ASAP associations by remote endpoint let
    // the pools reach adopted PEs that happen to have one with us.
    private void TransferOwnership(OwnershipTransfer transfer)
    {
        var associations = new Dictionary<IPEndPoint, AsapPeer>();
        foreach (AssociationState state in _associations.Values)
        {
            if (state.Peer.Remote is IPEndPoint remote)
            {
                IPAddress address = remote.Address.IsIPv4MappedToIPv6 ? remote.Address.MapToIPv4() : remote.Address;
                associations[new IPEndPoint(address, remote.Port)] = state.Peer;
            }
        }

        var message = new PoolOwnershipTransfer(transfer.FromOwnerId, transfer.ToOwnerId, associations);
        foreach (PoolRoute route in _pools.Values)
        {
            route.Routed++;
            route.Actor.Tell(message, Self);
        }
    }

    private void OnBound(Bound bound)
    {
        if (bound.Listener.Equals(_sctpListener))
        {
            _log.Info("registrar 0x{ServerId:x8} serving ASAP on SCTP {EndPoint}", _serverId, bound.LocalEndPoint);
            _asapSctpEndPoint = bound.LocalEndPoint;
            _sctpSettled = true;
        }
        else
        {
            _log.Info("registrar 0x{ServerId:x8} serving ASAP on TCP {EndPoint} (actors on dispatcher {Dispatcher})", _serverId, bound.LocalEndPoint,
                Context.Props.Dispatcher);
            _asapEndPoint = bound.LocalEndPoint;
            if (!_sctpSettled && _settings.AsapSctpOnTcpEndPoint)
            {
                ListenOnSctp(bound.LocalEndPoint);
            }
        }

        StartAnnouncingIfReady();
        ReportStartedIfReady();
    }

    // docs/protocol-notes.md §7: announce from the ASAP port number once both listeners are settled and the ENRP startup phase is
    // over (docs/protocol-notes.md §10: PEs find a registrar only once its handlespace is complete); with a specific address
    // the announce names the SCTP Transport (when served) and the TCP one, so each client takes the one it speaks.
    private void StartAnnouncingIfReady()
    {
        if (_announcing || !_settings.AsapAnnounce.Enabled || _asapEndPoint is null || !_sctpSettled || !_enrpStartupOver)
        {
            return;
        }

        _announcing = true;
        IPAddress address = _asapEndPoint.Address;
        bool specific = !TransportAddresses.IsUnspecified(address);
        var transports = new List<TransportParameter>();
        if (specific && _asapSctpEndPoint is { } sctp)
        {
            IPAddress sctpAddress = TransportAddresses.IsUnspecified(sctp.Address) ? address : sctp.Address;
            transports.Add(new SctpTransport((ushort)sctp.Port, TransportUse.DataOnly, [sctpAddress]));
        }

        if (specific)
        {
            transports.Add(new TcpTransport((ushort)_asapEndPoint.Port, TransportUse.DataOnly, [address]));
        }

        byte[] datagram = AsapEncoder.EncodeToArray(new AsapServerAnnounce(_serverId, ValueArray.Create<TransportParameter>([.. transports])));
        Context.ActorOf(UdpAnnouncerActor.Props(_settings.AsapAnnounce, address, _asapEndPoint.Port, datagram, new Random()), "announcer");
    }

    private AssociationState Establish(IActorRef association, EndPoint? remote, AssociationIdentity? identity = null)
    {
        if (_associations.TryGetValue(association, out AssociationState? existing))
        {
            return existing;
        }

        var clock = Context.System.Clock;
        var state = new AssociationState(
            new AsapPeer(association, ++_nextAssociationId, remote) { Identity = identity },
            new TokenBucket(_settings.MaxHandleResolutionRate, clock),
            new TokenBucket(_settings.MaxEndpointUnreachableRate, clock));
        _associations.Add(association, state);
        _rateLimits.Attach(remote);
        _associationsById.Add(state.Peer.Id, state);
        Context.Watch(association);
        _log.Debug("ASAP association {AssociationId} with {Peer} established", state.Peer.Id, state.Peer);
        return state;
    }

    private void OnAsapMessage(AsapMessage message, IActorRef association)
    {
        // The wire actor always announces itself first; a sender without that is adopted anyway.
        AssociationState state = _associations.TryGetValue(association, out AssociationState? known) ? known : Establish(association, null);
        switch (message)
        {
            case AsapRegistration registration:
                Register(registration, state);
                break;
            case AsapDeregistration deregistration:
                if (!TryRoute(deregistration.PoolHandle, deregistration, state.Peer))
                {
                    // RFC 5352 §3.2: an unknown PE is answered with success (RSPLIB).
                    Reply(state.Peer, new AsapDeregistrationResponse(deregistration.PoolHandle, deregistration.PoolElementIdentifier));
                }

                break;
            case AsapHandleResolution resolution:
                if (!_rateLimits.AdmitResolution(state, Self))
                {
                    NoteRefusal(state.Peer, RefusalCause.HandleResolutionRate, "handle resolutions over the rate limit: answered with cause 0x0009");
                    Reply(state.Peer, PoolActor.UnknownPoolHandle(resolution.PoolHandle));
                }
                else if (!_settings.Acl.Allows(state.Peer.Identity, AccessRight.Resolve, resolution.PoolHandle))
                {
                    NoteAclRefusal(state.Peer, RefusalCause.AclResolve, resolution.PoolHandle, "handle resolution");
                    var refusal = new OperationError(ErrorCause.WithoutInformation(ErrorCauseCode.RejectionDueToSecurityConsiderations));
                    Reply(state.Peer, AsapHandleResolutionResponse.Failure(resolution.PoolHandle, refusal));
                }
                else if (!TryRoute(resolution.PoolHandle, resolution, state.Peer))
                {
                    Reply(state.Peer, PoolActor.UnknownPoolHandle(resolution.PoolHandle));
                }

                break;
            case AsapEndpointKeepAliveAck ack:
                TryRoute(ack.PoolHandle, ack, state.Peer);
                break;
            case AsapEndpointUnreachable unreachable:
                if (!_rateLimits.AdmitUnreachable(state, Self))
                {
                    NoteRefusal(state.Peer, RefusalCause.UnreachableRate, "Endpoint Unreachable reports over the rate limit: ignored");
                }
                else if (!_settings.Acl.Allows(state.Peer.Identity, AccessRight.Resolve, unreachable.PoolHandle))
                {
                    // Only a PU that may resolve the pool can know its PEs; the report is ignored (no response, RFC 5352 §3.5).
                    NoteAclRefusal(state.Peer, RefusalCause.AclUnreachable, unreachable.PoolHandle,
                        $"Endpoint Unreachable report of PE 0x{unreachable.PoolElementIdentifier:x8}", answered: false);
                }
                else
                {
                    TryRoute(unreachable.PoolHandle, unreachable, state.Peer);
                }

                break;
            case AsapError error:
                if (_refusals.Note(RefusalBook.OffenderOf(state.Peer.Remote, state.Peer.Id), "asap-error-received"))
                {
                    _log.Info("ASAP Error from {Peer}: {Causes} (logged once per host, then counted)", state.Peer,
                        string.Join(", ", error.Error.Causes.Select(c => ErrorCauseText.Describe(c.Code))));
                }

                break;
            default:
                NoteRefusal(state.Peer, "unrecognized-message", $"{message.Type} is not for a registrar: answered with Unrecognized Message");
                Reply(state.Peer, new AsapError(new OperationError(ErrorCause.UnrecognizedMessage(AsapEncoder.EncodeToArray(message)))));
                break;
        }
    }

    // RFC 5352 §3.1 (handle checks) and the limits that span pools; the pool does the rest.
    private void Register(AsapRegistration registration, AssociationState state)
    {
        PoolHandle handle = registration.PoolHandle;
        uint identifier = registration.PoolElement.Identifier;
        HandlespaceSettings limits = _settings.Handlespace;
        if (handle.IsEmpty || handle.Length > limits.MaxPoolHandleLength)
        {
            Reject(state.Peer, registration, new ErrorCause(ErrorCauseCode.InvalidValues, OffendingParameter.PoolHandle(handle)), "invalid pool handle length");
            return;
        }

        if (!_settings.Acl.Allows(state.Peer.Identity, AccessRight.Register, handle))
        {
            NoteAclRefusal(state.Peer, RefusalCause.AclRegister, handle, $"registration of PE 0x{identifier:x8}");
            var refusal = new OperationError(ErrorCause.WithoutInformation(ErrorCauseCode.RejectionDueToSecurityConsiderations));
            Reply(state.Peer, new AsapRegistrationResponse(handle, identifier, Rejected: true, refusal));
            return;
        }

        var key = new PeKey(handle, identifier);
        bool reserves = !state.Registered.Contains(key) && !state.Pending.Contains(key);
        if (reserves && state.ElementCount >= limits.MaxElementsPerAssociation)
        {
            Reject(state.Peer, registration, ErrorCause.WithoutInformation(ErrorCauseCode.LackOfResources),
                $"{limits.MaxElementsPerAssociation} PEs registered over this association");
            return;
        }

        if (!_pools.TryGetValue(handle, out PoolRoute? route))
        {
            if (_pools.Count >= limits.MaxPools)
            {
                Reject(state.Peer, registration, ErrorCause.WithoutInformation(ErrorCauseCode.LackOfResources), $"{limits.MaxPools} pools exist");
                return;
            }

            route = CreatePool(handle);
        }

        if (reserves)
        {
            state.Pending.Add(key);
        }

        route.Routed++;
        route.Actor.Tell(new RoutedAsapMessage(registration, state.Peer, reserves), Self);
    }

    private void Reject(AsapPeer peer, AsapRegistration registration, ErrorCause cause, string why)
    {
        uint identifier = registration.PoolElement.Identifier;
        if (_refusals.Note(RefusalBook.OffenderOf(peer.Remote, peer.Id), $"registration-0x{(ushort)cause.Code:x4}"))
        {
            _log.Warning("registration of PE 0x{PeId:x8} in {PoolHandle} from {Peer} rejected: cause {Cause} ({Why}; logged once per host and cause, then counted)",
                identifier, registration.PoolHandle, peer, ErrorCauseText.Describe(cause.Code), why);
        }

        Reply(peer, new AsapRegistrationResponse(registration.PoolHandle, identifier, Rejected: true, new OperationError(cause)));
    }

    // Logged once per host and cause, then counted (issue 13: a flood must not fill the log).
    private void NoteRefusal(AsapPeer peer, string cause, string why)
    {
        if (_refusals.Note(RefusalBook.OffenderOf(peer.Remote, peer.Id), cause))
        {
            _log.Warning("{Peer}: {Why} (logged once per host, then counted)", peer, why);
        }
    }

    // rserpool.acl (docs/security.md): logged once per identity and pool, then counted.
    private void NoteAclRefusal(AsapPeer peer, string cause, PoolHandle handle, string what, bool answered = true)
    {
        string identity = AccessControl.NameOf(peer.Identity);
        if (_refusals.Note($"{identity} in {handle}", cause))
        {
            string outcome = answered ? $"answered with cause {ErrorCauseText.Describe(ErrorCauseCode.RejectionDueToSecurityConsiderations)}" : "ignored";
            _log.Warning("{What} in {PoolHandle} from {Peer} (identity {Identity}) refused by rserpool.acl: {Outcome} "
                + "(logged once per identity and pool, then counted)", what, handle, peer, identity, outcome);
        }
    }

    private PoolRoute CreatePool(PoolHandle handle)
    {
        var actor = Context.ActorOf(PoolActor.Props(handle, _serverId, _settings, _refusals).WithDispatcher(Context.Props.Dispatcher), $"pool-{++_nextPoolNumber}");
        Context.Watch(actor);
        var route = new PoolRoute(handle, actor);
        _pools.Add(handle, route);
        _poolsByActor.Add(actor, route);
        AttachPoolWatchTo(route);
        return route;
    }

    private bool TryRoute(PoolHandle handle, AsapMessage message, AsapPeer peer)
    {
        if (!_pools.TryGetValue(handle, out PoolRoute? route))
        {
            return false;
        }

        route.Routed++;
        route.Actor.Tell(new RoutedAsapMessage(message, peer), Self);
        return true;
    }

    private void OnRegistered(PoolElementRegistered registered)
    {
        if (!_pools.TryGetValue(registered.PoolHandle, out PoolRoute? route) || !route.Actor.Equals(Sender))
        {
            return;
        }

        var key = new PeKey(registered.PoolHandle, registered.Identifier);
        if (route.Members.TryGetValue(registered.Identifier, out PoolMember previous))
        {
            if (previous.OwnerId != registered.OwnerId)
            {
                RemoveFromChecksum(previous.OwnerId, key);
                AddToChecksum(registered.OwnerId, key);
            }

            if (previous.AssociationId != registered.AssociationId && _associationsById.TryGetValue(previous.AssociationId, out AssociationState? old))
            {
                old.Registered.Remove(key);
            }
        }
        else
        {
            AddToChecksum(registered.OwnerId, key);
        }

        route.Members[registered.Identifier] = new PoolMember(registered.OwnerId, registered.AssociationId);
        if (_associationsById.TryGetValue(registered.AssociationId, out AssociationState? state))
        {
            state.Pending.Remove(key);
            state.Registered.Add(key);
        }
    }

    private void OnRemoved(PoolElementRemoved removed)
    {
        if (!_pools.TryGetValue(removed.PoolHandle, out PoolRoute? route) || !route.Actor.Equals(Sender))
        {
            return;
        }

        Forget(route, removed.Identifier);
        if (_settings.Enrp is not null)
        {
            _enrp.Tell(removed, Self);
        }
    }

    private void Forget(PoolRoute route, uint identifier)
    {
        if (!route.Members.Remove(identifier, out PoolMember member))
        {
            return;
        }

        var key = new PeKey(route.PoolHandle, identifier);
        RemoveFromChecksum(member.OwnerId, key);
        if (_associationsById.TryGetValue(member.AssociationId, out AssociationState? state))
        {
            state.Registered.Remove(key);
        }
    }

    // An empty pool actor is stopped only when it has processed every message routed to it, so none is lost.
    private void OnPoolIdle(PoolIdle idle)
    {
        if (!_pools.TryGetValue(idle.PoolHandle, out PoolRoute? route) || !route.Actor.Equals(Sender) || route.Routed != idle.ReceivedCount)
        {
            return;
        }

        if (route.Members.Count != 0)
        {
            _log.Warning("pool {PoolHandle} reports idle but the registrar counts {Count} PEs in it", route.PoolHandle, route.Members.Count);
            return;
        }

        _pools.Remove(route.PoolHandle);
        _poolsByActor.Remove(route.Actor);
        Context.Unwatch(route.Actor);
        Context.Stop(route.Actor);
        _log.Debug("pool {PoolHandle} is empty: its actor stops", route.PoolHandle);
    }

    private void OnTerminated(IActorRef actor)
    {
        if (_associations.Remove(actor, out AssociationState? association))
        {
            // Its PEs' actors watch it too and remove them (docs/protocol-notes.md §9); their events find no books here.
            _associationsById.Remove(association.Peer.Id);
            _rateLimits.Detach(association.Peer.Remote);
            _log.Debug("ASAP association {AssociationId} with {Peer} ended", association.Peer.Id, association.Peer);
        }
        else if (_poolsByActor.Remove(actor, out PoolRoute? route))
        {
            _pools.Remove(route.PoolHandle);
            _log.Error("pool actor for {PoolHandle} failed: its {Count} PEs are dropped until they re-register", route.PoolHandle, route.Members.Count);
            foreach (uint identifier in route.Members.Keys.ToList())
            {
                Forget(route, identifier);
            }
        }
        else if (actor.Equals(_enrp))
        {
            _log.Error("registrar 0x{ServerId:x8}: the ENRP actor stopped; the registrar stops", _serverId);
            Context.Stop(Self);
        }
        else if (DetachPoolWatch(actor))
        {
            _log.Info("registrar 0x{ServerId:x8}: its pool watch stopped", _serverId);
        }
        else if (actor.Equals(_listener))
        {
            _log.Error("registrar 0x{ServerId:x8}: the ASAP listener stopped; the registrar stops", _serverId);
            Context.Stop(Self);
        }
    }

    private void Snapshot(IActorRef replyTo)
    {
        var checksums = new Dictionary<uint, PeChecksum>(_checksums);
        var pools = _pools.Values.Select(route => route.Actor).ToList();
        var collector = Context.ActorOf(SnapshotCollector.Props(pools, replyTo, checksums, _refusals), $"snapshot-{++_nextSnapshotNumber}");
        foreach (PoolRoute route in _pools.Values)
        {
            route.Routed++;
            route.Actor.Tell(new CollectPoolSnapshot(collector), Self);
        }
    }

    private void AddToChecksum(uint ownerId, PeKey key) =>
        _checksums[ownerId] = (_checksums.TryGetValue(ownerId, out PeChecksum sum) ? sum : PeChecksum.Empty).Add(key.PoolHandle.Span, key.Identifier);

    private void RemoveFromChecksum(uint ownerId, PeKey key)
    {
        if (!_checksums.TryGetValue(ownerId, out PeChecksum sum))
        {
            return;
        }

        sum = sum.Remove(key.PoolHandle.Span, key.Identifier);
        if (sum == PeChecksum.Empty)
        {
            _checksums.Remove(ownerId);
        }
        else
        {
            _checksums[ownerId] = sum;
        }
    }

    private void Reply(AsapPeer peer, AsapMessage message) => peer.Association.Tell(new AssociationSend<AsapMessage>(message), Self);
}
