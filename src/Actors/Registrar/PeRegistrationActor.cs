using Akka.Actor;
using RSerPool.Actors.Transport;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Actors.Handlespace;
using RSerPool.Actors.Metrics;

namespace RSerPool.Actors.Registrar;

/// <summary>
/// Supervises one PE registered at this registrar (its home; actor pe-&lt;id&gt;; RFC 5352 §3.4). Child of the
/// pool actor. Keep-alive cycle: <c>KeepAliveInterval</c> after the (re-)registration or the last Ack it sends an
/// Endpoint Keep Alive (H=0, server id, handle, PE id: the RSPLIB form, docs/protocol-notes.md §8) over the PE's association and
/// waits <c>KeepAliveTimeout</c> for the Ack; without one it aborts that association (RSPLIB sends SCTP ABORT,
/// docs/protocol-notes.md §9) and asks the pool to remove the PE. It also removes the PE when the Registration Life passes
/// without a re-registration (RFC 5352 §3.1) and, at once, when the association ends (death watch, docs/protocol-notes.md §9).
/// A Registration Life ≤ 0 sets no life timer (keep-alives still supervise the PE).
/// A PE adopted by a takeover (RFC 5353 §3.5.2) is sent a Keep Alive with the H flag at once when an association to
/// it exists. One that announced a TCP ASAP endpoint (docs/protocol-notes.md §2) awaits the association the registrar
/// opens to it (<see cref="AdoptedPeAttached"/>), then is sent the Keep Alive; without an Ack within keep-alive interval
/// + timeout of the takeover it is removed. Without either (the PE's association was with the dead registrar) only its
/// Registration Life supervises it until it re-registers.
/// </summary>
internal sealed class PeRegistrationActor : UntypedActor
{
    private const long Never = long.MaxValue;

    private readonly PeSupervision _supervision;
    private readonly uint _identifier;
    private readonly bool _takenOver;
    private readonly bool _awaitsAssociation;
    private AsapPeer _peer;
    private int _registrationLifeMs;
    private long _generation;
    private bool _associationEnded;
    private bool _confirmingHome;

    // One scheduled message per PE, for the earliest of two deadlines (clock timestamps): the keep-alive cycle's next
    // event and the end of the registration life. Akka's ITimerScheduler with one timer per deadline cost about
    // 1 KB per PE (TimerScheduler, its dictionary, and per timer Timer, TimerMsg, Cancelable, CancellationTokenSource
    // and the scheduler's registration): docs/bench-akka.md.
    private PeTimerEvent _cycleEvent;
    private long _cycleDue = Never;
    private long _lifeDue = Never;
    private PeTimerDue? _armed;
    private ICancelable? _armedTask;

    public PeRegistrationActor(PeRegistrationStart start)
    {
        _supervision = start.Supervision;
        _identifier = start.Identifier;
        _takenOver = start.TakenOver;
        _awaitsAssociation = start.AwaitsAssociation;
        _peer = start.Peer;
        _registrationLifeMs = start.RegistrationLifeMs;
        _generation = start.Generation;
    }

    /// <summary>
    /// A PE actor on <see cref="PeMailbox"/> (the parent's system must have it: <see cref="PeMailbox.Install"/>).
    /// <paramref name="takenOver"/>: adopted by a takeover (RFC 5353 §3.5.2).
    /// </summary>
    /// <paramref name="awaitsAssociation"/>: the registrar connects to its TCP ASAP endpoint (docs/protocol-notes.md §2).
    public static Props Props(PeSupervision supervision, uint identifier, AsapPeer peer, int registrationLifeMs, long generation, bool takenOver = false,
        bool awaitsAssociation = false) =>
        new(supervision.Deploy, typeof(PeRegistrationActor), new PeRegistrationStart(supervision, identifier, peer, registrationLifeMs, generation, takenOver,
            awaitsAssociation));

    private bool AwaitingAck => _cycleDue != Never && _cycleEvent == PeTimerEvent.KeepAliveTimedOut;

    private TimeProvider Clock => _supervision.Clock;

    protected override void PreStart()
    {
        if (_peer.Id == 0)
        {
            // Adopted without an association: the Registration Life supervises it (one keep-alive period without one).
            TimeSpan life = _registrationLifeMs > 0 ? TimeSpan.FromMilliseconds(_registrationLifeMs) : _supervision.KeepAliveInterval + _supervision.KeepAliveTimeout;
            _lifeDue = DueIn(life);
            if (_awaitsAssociation)
            {
                // RFC 5353 §3.5.2 over TCP: the association and the Ack must come within one keep-alive interval + timeout.
                SetCycle(PeTimerEvent.KeepAliveTimedOut, _supervision.KeepAliveInterval + _supervision.KeepAliveTimeout);
            }

            Arm();
            return;
        }

        StartLife();

        Context.Watch(_peer.Association);
        if (_takenOver)
        {
            // RFC 5353 §3.5.2: the new home announces itself with H=1 and awaits the Ack.
            _peer.Association.Tell(KeepAlive(homeFlag: true), Self);
            SetCycle(PeTimerEvent.KeepAliveTimedOut, _supervision.KeepAliveTimeout);
        }
        else
        {
            SetCycle(PeTimerEvent.KeepAliveDue, _supervision.KeepAliveInterval);
        }

        Arm();
    }

    protected override void PostStop() => Disarm();

    // An UntypedActor with a switch: a ReceiveActor builds its handler list (delegates, closures, match builders) for
    // every instance, about 1 KB per PE here (docs/bench-akka.md).
    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case PeTimerDue due:
                if (ReferenceEquals(due, _armed))
                {
                    _armed = null;
                    _armedTask = null;
                    Fire(due.Event);
                }

                break;
            case KeepAliveAcked ack:
                // Not awaited, or from another association: ignored.
                if (ack.AssociationId == _peer.Id && AwaitingAck)
                {
                    SetCycle(PeTimerEvent.KeepAliveDue, _supervision.KeepAliveInterval);
                    Arm();
                    if (_confirmingHome)
                    {
                        _confirmingHome = false;
                        Context.Parent.Tell(new HomeConfirmed(_identifier, _generation), Self);
                    }
                }

                break;
            case AdoptedPeAttached attached:
                Attach(attached.Peer);
                break;
            case ConfirmHome:
                ConfirmHomeAfterTakeover();
                break;
            case PeRegistrationRenewed renewed:
                Renew(renewed);
                break;
            case Terminated terminated:
                // Another association is one the PE moved away from: ignored.
                if (terminated.ActorRef.Equals(_peer.Association))
                {
                    _associationEnded = true;
                    RequestRemoval(RemovalReason.AssociationLost);
                }

                break;
            default:
                Unhandled(message);
                break;
        }
    }

    // RFC 5352 §3.1, docs/protocol-notes.md §9: a re-registration restarts the transmission timer and the registration life.
    private void Renew(PeRegistrationRenewed renewed)
    {
        _generation = renewed.Generation;
        bool sameAssociation = renewed.Peer.Association.Equals(_peer.Association);
        if (!sameAssociation && _peer.Id != 0)
        {
            Context.Unwatch(_peer.Association);
        }

        // A renewal over an association whose end was already seen (the removal request then carried a stale
        // generation): watching it again delivers Terminated at once, so the PE still goes without delay.
        if (!sameAssociation || _associationEnded)
        {
            Context.Watch(renewed.Peer.Association);
        }

        _associationEnded = false;
        _confirmingHome = false;   // re-registered here: home here again

        _peer = renewed.Peer;
        _registrationLifeMs = renewed.RegistrationLifeMs;
        SetCycle(PeTimerEvent.KeepAliveDue, _supervision.KeepAliveInterval);
        StartLife();
        Arm();
    }

    // RFC 5353 §3.5.2: the new home announces itself with H=1 on the association it opened; the deadline set at the
    // takeover stays if it is the earlier one.
    private void Attach(AsapPeer peer)
    {
        if (_peer.Id != 0)
        {
            return;
        }

        _peer = peer;
        Context.Watch(peer.Association);
        peer.Association.Tell(KeepAlive(homeFlag: true), Self);
        long takeoverDeadline = _cycleDue;
        SetCycle(PeTimerEvent.KeepAliveTimedOut, _supervision.KeepAliveTimeout);
        if (_awaitsAssociation && takeoverDeadline < _cycleDue)
        {
            _cycleDue = takeoverDeadline;
        }

        Arm();
    }

    // docs/protocol-notes.md §11 rule 6: after a takeover of this registrar, a PE whose association here still looks
    // live is asked with H=1 (RFC 5353 §3.5.2) whether it kept its home here. A PE that took the taker's H=1 closed the
    // association (RFC 5352 §3.4), but this registrar, resuming from a hang, may not have read that end yet.
    private void ConfirmHomeAfterTakeover()
    {
        if (_peer.Id == 0 || _associationEnded)
        {
            return;
        }

        _confirmingHome = true;
        _peer.Association.Tell(KeepAlive(homeFlag: true), Self);
        SetCycle(PeTimerEvent.KeepAliveTimedOut, _supervision.KeepAliveTimeout);
        Arm();
    }

    // The armed event is due (the scheduler says so; the clock only times the next one).
    private void Fire(PeTimerEvent due)
    {
        switch (due)
        {
            case PeTimerEvent.KeepAliveDue:
                // docs/protocol-notes.md §9: Keep Alive, then the timeout.
                _peer.Association.Tell(KeepAlive(homeFlag: false), Self);
                SetCycle(PeTimerEvent.KeepAliveTimedOut, _supervision.KeepAliveTimeout);
                Arm();
                break;
            case PeTimerEvent.KeepAliveTimedOut:
                RSerPoolMetrics.KeepAliveFailed();
                _peer.Association.Tell(new CloseAssociation($"no Endpoint Keep Alive Ack for PE 0x{_identifier:x8}"), Self);
                RequestRemoval(RemovalReason.KeepAliveTimeout);
                break;
            default:
                RequestRemoval(RemovalReason.RegistrationLifeExpired);
                break;
        }
    }

    private void SetCycle(PeTimerEvent next, TimeSpan after)
    {
        _cycleEvent = next;
        _cycleDue = DueIn(after);
    }

    private void StartLife() =>
        _lifeDue = _registrationLifeMs > 0 ? DueIn(TimeSpan.FromMilliseconds(_registrationLifeMs)) : Never;

    // At a tie the registration life goes first: the PE goes, no Keep Alive is sent in vain.
    private (PeTimerEvent Event, long Due) Earliest() =>
        _lifeDue <= _cycleDue ? (PeTimerEvent.RegistrationLifeExpired, _lifeDue) : (_cycleEvent, _cycleDue);

    // Schedules the earliest deadline, unless it is the one already scheduled.
    private void Arm()
    {
        (PeTimerEvent next, long due) = Earliest();
        if (_armed is { } armed && armed.Event == next && armed.Due == due)
        {
            return;
        }

        Disarm();
        if (due == Never)
        {
            return;
        }

        TimeSpan delay = Clock.GetElapsedTime(Clock.GetTimestamp(), due);
        _armed = new PeTimerDue(next, due);
        _armedTask = Context.System.Scheduler.ScheduleTellOnceCancelable(delay < TimeSpan.Zero ? TimeSpan.Zero : delay, Self, _armed, Self);
    }

    private void Disarm()
    {
        _armedTask?.Cancel();
        _armedTask = null;
        _armed = null;
    }

    // A clock timestamp `after` from now (in the clock's own units, without floating point: exact in virtual time).
    private long DueIn(TimeSpan after)
    {
        TimeProvider clock = Clock;
        return clock.GetTimestamp() + (long)((Int128)after.Ticks * clock.TimestampFrequency / TimeSpan.TicksPerSecond);
    }

    // Made when sent (once per interval), not kept: two kept messages were 128 B per PE.
    private AssociationSend<AsapMessage> KeepAlive(bool homeFlag) =>
        new(new AsapEndpointKeepAlive(_supervision.ServerId, _supervision.PoolHandle, _identifier, homeFlag));

    private void RequestRemoval(RemovalReason reason)
    {
        _cycleDue = Never;
        _lifeDue = Never;
        Disarm();
        Context.Parent.Tell(new PeRemovalRequested(_identifier, _generation, reason), Self);
    }
}
