using System.Net;
using RSerPool.Actors.Cluster;
using RSerPool.Actors.Enrp;
using RSerPool.Actors.Handlespace;
using RSerPool.Actors.Metrics;
using Akka.Actor;
using Akka.Event;
using RSerPool.Actors.Time;
using RSerPool.Actors.Transport;
using RSerPool.Wire;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Registrar;

/// <summary>
/// One pool (actor pool-&lt;n&gt;): owns a <see cref="PoolHandlespace"/> holding just this pool, runs the ASAP
/// procedures of RFC 5352 §3 that concern it and answers on the requester's association, and has one
/// <see cref="PeRegistrationActor"/> child per PE registered here. Tells the registrar what its books need
/// (<see cref="PoolElementRegistered"/>, <see cref="RegistrationRefused"/>, <see cref="PoolElementRemoved"/>) and
/// <see cref="PoolIdle"/> whenever it is empty after a message. With ENRP it also holds the copies of PEs owned by
/// peers (<see cref="ReplicaChanges"/>; not supervised here, docs/protocol-notes.md §11), tells
/// the registrar every accepted registration (<see cref="HomeElementUpdated"/>, sent on as ADD_PE) and adopts a
/// dead registrar's PEs after a takeover (<see cref="PoolOwnershipTransfer"/>, RFC 5353 §3.5).
/// </summary>
internal sealed partial class PoolActor : ReceiveActor
{
    /// <summary>RSPLIB's hard limit of PEs per Handle Resolution Response (docs/protocol-notes.md §8).</summary>
    public const int MaxHandleResolutionItems = 128;

    private readonly PoolHandle _poolHandle;
    private readonly uint _serverId;
    private readonly RegistrarSettings _settings;
    private readonly PeSupervision _supervision;
    private readonly PoolHandlespace _space;
    private readonly Dictionary<uint, PeChild> _children = [];
    private readonly PoolElementEntry[] _selection = new PoolElementEntry[MaxHandleResolutionItems];
    private readonly ILoggingAdapter _log;
    private readonly RefusalBook _refusals;
    private readonly List<PoolElementRegistered> _registered = [];
    private long _received;
    private long _generation;
    private long _childNumber;

    public PoolActor(PoolHandle poolHandle, uint serverId, RegistrarSettings settings, RefusalBook refusals)
    {
        _refusals = refusals;
        _poolHandle = poolHandle;
        _serverId = serverId;
        _settings = settings;
        // The registrar enforces the pool count and the PEs per association across pools.
        _space = new PoolHandlespace(settings.Handlespace with { MaxPools = 1, MaxElementsPerAssociation = int.MaxValue });
        _log = Context.GetLogger();
        PeMailbox.Install(Context.System);   // the PE actors' mailbox, whatever this system's config holds
        _supervision = new PeSupervision(poolHandle, serverId, settings.KeepAliveInterval, settings.KeepAliveTimeout, Context.System.Clock,
            Deploy.None.WithMailbox(PeMailbox.Id).WithDispatcher(Context.Props.Dispatcher));

        Receive<RoutedAsapMessage>(routed =>
        {
            _received++;
            Dispatch(routed);
            ReportIfIdle();
        });
        Receive<CollectPoolSnapshot>(collect =>
        {
            _received++;
            collect.ReplyTo.Tell(new PoolSnapshot(Snapshot()), Self);
            ReportIfIdle();
        });
        Receive<ReplicaChanges>(changes =>
        {
            _received++;
            ApplyReplicaChanges(changes.Changes);
            ReportIfIdle();
        });
        Receive<PoolOwnershipTransfer>(transfer =>
        {
            _received++;
            TransferOwnership(transfer);
            ReportIfIdle();
        });
        ReceiveAdoption();
        ReceiveWatch();
        Receive<PeRemovalRequested>(request =>
        {
            if (_children.TryGetValue(request.Identifier, out PeChild? child) && child.Actor.Equals(Sender) && child.Generation == request.Generation)
            {
                if (!LeaveUnconfirmedHome(child, request))
                {
                    Remove(request.Identifier, request.Reason);
                }

                ReportIfIdle();
            }
        });
        Receive<HomeConfirmed>(KeepConfirmedHome);
    }

    public static Props Props(PoolHandle poolHandle, uint serverId, RegistrarSettings settings, RefusalBook refusals) =>
        Akka.Actor.Props.Create(() => new PoolActor(poolHandle, serverId, settings, refusals));

    // A failing PE actor must not be restarted with stale state: the pool removes nothing, the PE re-registers.
    protected override SupervisorStrategy SupervisorStrategy() => Akka.Actor.SupervisorStrategy.StoppingStrategy;

    private void Dispatch(RoutedAsapMessage routed)
    {
        switch (routed.Message)
        {
            case AsapRegistration registration:
                long registrationStarted = RSerPoolMetrics.StartTiming(registration: true);
                Register(registration, routed.Peer, routed.ReservesSlot);
                RSerPoolMetrics.RegistrationAnswered(registrationStarted);
                break;
            case AsapDeregistration deregistration:
                Deregister(deregistration, routed.Peer);
                break;
            case AsapHandleResolution resolution:
                long resolutionStarted = RSerPoolMetrics.StartTiming(registration: false);
                Resolve(resolution, routed.Peer);
                RSerPoolMetrics.HandleResolved(resolutionStarted);
                break;
            case AsapEndpointKeepAliveAck ack:
                if (_children.TryGetValue(ack.PoolElementIdentifier, out PeChild? child))
                {
                    child.Actor.Tell(new KeepAliveAcked(routed.Peer.Id), Self);
                }

                break;
            case AsapEndpointUnreachable unreachable:
                ReportUnreachable(unreachable, routed.Peer);
                break;
            default:
                _log.Warning("pool {PoolHandle}: unexpected {MessageType} routed here", _poolHandle, routed.Message.Type);
                break;
        }
    }

    // RFC 5352 §3.1 (registrar side): new PE or re-registration (update in place, keep identity).
    private void Register(AsapRegistration registration, AsapPeer peer, bool reservesSlot)
    {
        // A wildcard (or empty) user address is the PE's own address on its association (docs/protocol-notes.md §6).
        PoolElement element = registration.PoolElement with
        {
            AsapTransport = AsapTransportOf(peer, registration.PoolElement.AsapTransport),
            UserTransport = peer.Remote is IPEndPoint remote
                ? TransportAddresses.FillUnspecified(registration.PoolElement.UserTransport, remote.Address)
                : registration.PoolElement.UserTransport,
        };
        uint identifier = element.Identifier;
        ScreenedRegistration screened = RegistrationScreen.Screen(element, peer.Remote, _settings);
        if (screened.Cause is { } noted && _refusals.Note(RefusalBook.OffenderOf(peer.Remote, peer.Id), noted))
        {
            _log.Warning("registration of PE 0x{PeId:x8} in {PoolHandle} from {Peer}: {Why} (logged once per host and cause, then counted)",
                identifier, _poolHandle, peer, screened.Why);
        }

        long previousAssociation = _space.TryGetElement(_poolHandle, identifier, out PoolElementEntry? existing) ? existing.AssociationId : 0;
        RegistrationResult result;
        if (screened.Element is null)
        {
            result = RegistrationResult.Rejected(screened.Refusal!);
        }
        else if (IsOwnedElsewhere(existing, peer))
        {
            result = Hijack(identifier, peer);
        }
        else
        {
            element = screened.Element;
            result = _space.Register(_poolHandle, element, _serverId, peer.Id);
        }

        if (!result.IsAccepted)
        {
            ErrorCause cause = result.Error!;
            if (screened.Element is not null && cause.Code != ErrorCauseCode.RejectionDueToSecurityConsiderations
                && _refusals.Note(RefusalBook.OffenderOf(peer.Remote, peer.Id), $"registration-0x{(ushort)cause.Code:x4}"))
            {
                _log.Warning("registration of PE 0x{PeId:x8} in {PoolHandle} from {Peer} rejected: cause {Cause} (logged once per host and cause, then counted)",
                    identifier, _poolHandle, peer, ErrorCauseText.Describe(cause.Code));
            }

            Reply(peer, new AsapRegistrationResponse(_poolHandle, identifier, Rejected: true, new OperationError(cause)));
            if (reservesSlot)
            {
                Context.Parent.Tell(new RegistrationRefused(_poolHandle, identifier, peer.Id), Self);
            }

            return;
        }

        RSerPoolMetrics.RegistrationAccepted(added: result.Outcome == RegistrationOutcome.Added);
        Reply(peer, new AsapRegistrationResponse(_poolHandle, identifier));
        Context.Parent.Tell(new HomeElementUpdated(_poolHandle, result.Entry!.ToPoolElement()), Self);
        TellWatchHome(result.Entry!, result.Outcome == RegistrationOutcome.Added || result.PreviousOwnerId != _serverId
            ? PoolChangeReason.Registered : PoolChangeReason.ReRegistered);
        long generation = ++_generation;
        if (_children.TryGetValue(identifier, out PeChild? child))
        {
            child.Generation = generation;
            child.Peer = peer;
            child.ConfirmingHome = false;   // re-registered here: home here
            child.RemovedByOwner = false;
            child.Actor.Tell(new PeRegistrationRenewed(peer, element.RegistrationLifeMs, generation), Self);
            _log.Debug("PE 0x{PeId:x8} re-registered in {PoolHandle} from {Peer}", identifier, _poolHandle, peer);
        }
        else
        {
            var props = PeRegistrationActor.Props(_supervision, identifier, peer, element.RegistrationLifeMs, generation);
            var actor = Context.ActorOf(props, $"pe-{identifier:x8}-{++_childNumber}");
            _children.Add(identifier, new PeChild(actor, generation, peer));
            _log.Info("PE 0x{PeId:x8} registered in {PoolHandle} from {Peer} ({Policy}, {UserTransport})",
                identifier, _poolHandle, peer, LogText.Policy(element.Policy), LogText.Transport(element.UserTransport));
        }

        bool changesBooks = reservesSlot || result.Outcome == RegistrationOutcome.Added
            || previousAssociation != peer.Id || result.PreviousOwnerId != _serverId;
        if (changesBooks)
        {
            Context.Parent.Tell(new PoolElementRegistered(_poolHandle, identifier, _serverId, peer.Id), Self);
        }
    }

    // RFC 5352 §9.1 (threat 1): a PE registered here over a live association belongs to it; another association may
    // take its identifier only once that association is gone (its PE actor then removes the PE). A PE without an
    // association here (a copy owned by a peer, or adopted by a takeover before it re-registers, RFC 5353 §3.5) is
    // free to re-register from any association.
    private bool IsOwnedElsewhere(PoolElementEntry? existing, AsapPeer peer) =>
        existing is { AssociationId: not 0 } && existing.AssociationId != peer.Id && existing.OwnerId == _serverId
        && _children.TryGetValue(existing.Identifier, out PeChild? child) && child.Peer.Id == existing.AssociationId;

    private RegistrationResult Hijack(uint identifier, AsapPeer peer)
    {
        if (_refusals.Note(RefusalBook.OffenderOf(peer.Remote, peer.Id), RefusalCause.PeIdentifierTaken))
        {
            _log.Warning("registration of PE 0x{PeId:x8} in {PoolHandle} from {Peer} refused: the PE is registered over another live association "
                + "(cause 0x000a; logged once per host, then counted)", identifier, _poolHandle, peer);
        }

        return RegistrationResult.Rejected(ErrorCause.WithoutInformation(ErrorCauseCode.RejectionDueToSecurityConsiderations));
    }

    // RFC 5353 §3.3, §3.6.3: the copies of one burst in order; the registrar's books get one message for all of them (sent
    // before any removal, so the books see every change in order).
    private void ApplyReplicaChanges(ReplicaChange[] changes)
    {
        foreach (ReplicaChange change in changes)
        {
            if (change.Element is { } element)
            {
                ApplyReplica(element);
            }
            else if (_space.TryGetElement(_poolHandle, change.Identifier, out PoolElementEntry? entry) && entry.OwnerId != _serverId)
            {
                if (_children.TryGetValue(change.Identifier, out PeChild? confirming) && confirming.ConfirmingHome)
                {
                    // docs/protocol-notes.md §11 rule 6: decided when the PE answers (ConfirmHome).
                    confirming.RemovedByOwner = true;
                    continue;
                }

                TellRegistered();
                Remove(change.Identifier, RemovalReason.ReplicaRemoved);
            }
        }

        TellRegistered();
    }

    private void TellRegistered()
    {
        if (_registered.Count > 0)
        {
            Context.Parent.Tell(new PoolElementsRegistered(_registered.ToArray()), Self);
            _registered.Clear();
        }
    }

    // RFC 5353 §3.3 receiver ADD_PE: insert or refresh a copy owned by a peer. A home PE that re-registered at that
    // peer is no longer supervised here (docs/protocol-notes.md §11).
    private void ApplyReplica(PoolElement element)
    {
        uint owner = element.HomeServerIdentifier;
        if (owner == _serverId || owner == 0)
        {
            return;
        }

        long previousAssociation = _space.TryGetElement(_poolHandle, element.Identifier, out PoolElementEntry? existing) ? existing.AssociationId : 0;
        bool wasHome = existing?.OwnerId == _serverId;
        RegistrationResult result = _space.Register(_poolHandle, element, owner, 0);
        if (!result.IsAccepted)
        {
            _log.Info("copy of PE 0x{PeId:x8} in {PoolHandle} from 0x{Owner:x8} refused: cause 0x{Cause:x4}",
                element.Identifier, _poolHandle, owner, (ushort)result.Error!.Code);
            return;
        }

        if (wasHome)
        {
            TellWatchLeft(element.Identifier);
        }

        if (_children.Remove(element.Identifier, out PeChild? child))
        {
            Context.Stop(child.Actor);
            _log.Info("PE 0x{PeId:x8} in {PoolHandle} moved to registrar 0x{Owner:x8}", element.Identifier, _poolHandle, owner);
        }

        if (result.Outcome == RegistrationOutcome.Added && _log.IsDebugEnabled)
        {
            _log.Debug("copy of PE 0x{PeId:x8} in {PoolHandle} from registrar 0x{Owner:x8} added", element.Identifier, _poolHandle, owner);
        }

        if (result.Outcome == RegistrationOutcome.Added || result.PreviousOwnerId != owner || previousAssociation != 0)
        {
            _registered.Add(new PoolElementRegistered(_poolHandle, element.Identifier, owner, 0));
        }
    }

    // RFC 5352 §3.2: only the association that registered the PE may deregister it (RFC 5352 §9.1 threat 1,
    // answered with cause 0x000A); an unknown PE is answered with success (RFC 5352 §3.2, RSPLIB).
    private void Deregister(AsapDeregistration deregistration, AsapPeer peer)
    {
        uint identifier = deregistration.PoolElementIdentifier;
        if (_space.TryGetElement(_poolHandle, identifier, out PoolElementEntry? entry) && entry.AssociationId != peer.Id)
        {
            _log.Warning("deregistration of PE 0x{PeId:x8} in {PoolHandle} from {Peer} refused: registered over another association",
                identifier, _poolHandle, peer);
            var refusal = new OperationError(ErrorCause.WithoutInformation(ErrorCauseCode.RejectionDueToSecurityConsiderations));
            Reply(peer, new AsapDeregistrationResponse(_poolHandle, identifier, refusal));
            return;
        }

        if (entry is not null)
        {
            Remove(identifier, RemovalReason.Deregistered);
            RSerPoolMetrics.Deregistered();
        }

        Reply(peer, new AsapDeregistrationResponse(_poolHandle, identifier));
    }

    // RFC 5352 §3.3 and docs/protocol-notes.md §8, registrar side: Items from the option or the default, capped at 128; policy selection; overall
    // policy = the first selected PE's policy (docs/protocol-notes.md §8); an empty pool answers cause 0x0009.
    private void Resolve(AsapHandleResolution resolution, AsapPeer peer)
    {
        uint wanted = resolution.Items is { } items and > 0 ? items : (uint)Math.Max(1, _settings.DefaultHandleResolutionItems);
        int count = (int)Math.Min(wanted, MaxHandleResolutionItems);
        _space.TrySelect(_poolHandle, _selection.AsSpan(0, count), out int selected);
        if (selected == 0)
        {
            Reply(peer, UnknownPoolHandle(_poolHandle));
            return;
        }

        var elements = new PoolElement[selected];
        for (int i = 0; i < selected; i++)
        {
            PoolElementEntry entry = _selection[i];
            elements[i] = new PoolElement(entry.Identifier, entry.OwnerId, entry.RegistrationLifeMs, entry.UserTransport, entry.Policy);
        }

        PoolMemberSelectionPolicy overall = _selection[0].Policy;
        Array.Clear(_selection, 0, selected);
        Reply(peer, new AsapHandleResolutionResponse(_poolHandle, overall, ValueArray.Create<PoolElement>(elements)));
    }

    // RFC 5352 §3.5: count the report; MAX-BAD-PE-REPORT removes the PE. No response.
    private void ReportUnreachable(AsapEndpointUnreachable report, AsapPeer peer)
    {
        uint identifier = report.PoolElementIdentifier;
        RSerPoolMetrics.UnreachableReported();
        long now = Context.System.Clock.GetUtcNow().ToUnixTimeMilliseconds();
        switch (_space.ReportUnreachable(_poolHandle, identifier, ReporterOf(peer), now, out PoolElementEntry? entry))
        {
            case UnreachableOutcome.Removed:
                AfterRemoval(entry!, RemovalReason.Unreachable);
                break;
            case UnreachableOutcome.Counted:
                _log.Debug("PE 0x{PeId:x8} in {PoolHandle} reported unreachable by {Peer} ({Count} reports)",
                    identifier, _poolHandle, peer, entry!.UnreachableReports);
                break;
            default:
                break;
        }
    }

    // One reporter is one host (all its associations), so more associations do not make more reporters.
    private static string ReporterOf(AsapPeer peer) => peer.Remote switch
    {
        IPEndPoint ip => ip.Address.ToString(),
        { } other => other.ToString() ?? $"association {peer.Id}",
        null => $"association {peer.Id}",
    };

    private void Remove(uint identifier, RemovalReason reason)
    {
        if (_space.Remove(_poolHandle, identifier) is { } entry)
        {
            AfterRemoval(entry, reason);
        }
    }

    private void AfterRemoval(PoolElementEntry entry, RemovalReason reason)
    {
        string peer = "unknown peer";
        if (_children.Remove(entry.Identifier, out PeChild? child))
        {
            Context.Stop(child.Actor);
            peer = child.Peer.ToString();
        }

        RSerPoolMetrics.Removed(reason);
        _log.Info("PE 0x{PeId:x8} removed from {PoolHandle} (registered from {Peer}): {Reason}", entry.Identifier, _poolHandle, peer, reason);
        Context.Parent.Tell(new PoolElementRemoved(_poolHandle, entry.Identifier, reason), Self);
        TellWatchRemoved(entry, reason);
    }

    private void ReportIfIdle()
    {
        if (_space.ElementCount == 0)
        {
            Context.Parent.Tell(new PoolIdle(_poolHandle, _received), Self);
        }
    }

    private List<PoolElementSnapshot> Snapshot()
    {
        var elements = new List<PoolElementSnapshot>(_space.ElementCount);
        foreach (Pool pool in _space.Pools)
        {
            foreach (PoolElementEntry entry in pool.Elements)
            {
                elements.Add(new PoolElementSnapshot(entry.PoolHandle, entry.Identifier, entry.OwnerId, entry.RegistrationLifeMs,
                    entry.UserTransport, entry.Policy, entry.AssociationId, entry.UnreachableReports));
            }
        }

        return elements;
    }

    private void Reply(AsapPeer peer, AsapMessage message) => peer.Association.Tell(new AssociationSend<AsapMessage>(message), Self);

    internal static AsapHandleResolutionResponse UnknownPoolHandle(PoolHandle poolHandle) =>
        AsapHandleResolutionResponse.Failure(poolHandle, new OperationError(ErrorCause.WithoutInformation(ErrorCauseCode.UnknownPoolHandle)));

    // RFC 5352 §3.1: the registrar knows the PE's ASAP endpoint from the association's peer address (kept for ENRP;
    // the wire type is SCTP because RFC 5354 §3.10 defines the ASAP transport so). A PE over TCP may announce the TCP
    // port where it accepts a takeover registrar (docs/protocol-notes.md §2): only its port is taken, the address is
    // the association's, so a registration cannot point a takeover registrar at another host.
    private static TransportParameter? AsapTransportOf(AsapPeer peer, TransportParameter? announced)
    {
        if (peer.Remote is not IPEndPoint remote)
        {
            return null;
        }

        IPAddress address = remote.Address.IsIPv4MappedToIPv6 ? remote.Address.MapToIPv4() : remote.Address;
        return announced is TcpTransport { Port: > 0 } tcp
            ? new TcpTransport(tcp.Port, TransportUse.DataOnly, [address])
            : new SctpTransport((ushort)remote.Port, TransportUse.DataOnly, [address]);
    }
}
