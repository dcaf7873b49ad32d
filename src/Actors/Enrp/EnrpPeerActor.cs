// One peer registrar (actor peer-<server id>): liveness timers and state, RFC 5353 §3.4.
using Akka.Actor;

namespace RSerPool.Actors.Enrp;

/// <summary>
/// Child of <see cref="EnrpActor"/> for one peer. It owns the peer's MAX-TIME-LAST-HEARD timer (restarted by
/// <see cref="PeerHeard"/>; on expiry it asks for a probe, <see cref="PeerProbeDue"/>) and MAX-TIME-NO-RESPONSE
/// (on expiry: <see cref="PeerSilent"/>), and its state Presence → Synchronizing → InService, one receive method each.
/// Messages travel through the ENRP actor, which owns the associations (a TCP wire actor's handler is fixed when it
/// is made, before the peer's id is known).
/// </summary>
internal sealed class EnrpPeerActor : ReceiveActor, IWithTimers
{
    private const string LivenessTimer = "liveness";

    private readonly uint _serverId;
    private readonly EnrpSettings _settings;

    public EnrpPeerActor(uint serverId, EnrpSettings settings)
    {
        _serverId = serverId;
        _settings = settings;
        Presence();
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public EnrpPeerState State { get; private set; }

    public static Props Props(uint serverId, EnrpSettings settings) => Akka.Actor.Props.Create(() => new EnrpPeerActor(serverId, settings));

    protected override void PreStart() => RestartLastHeard();

    private void Presence()
    {
        State = EnrpPeerState.Presence;
        Common();
    }

    private void Synchronizing()
    {
        State = EnrpPeerState.Synchronizing;
        Common();
    }

    private void InService()
    {
        State = EnrpPeerState.InService;
        Common();
    }

    private void Common()
    {
        Receive<PeerHeard>(_ => RestartLastHeard());
        Receive<PeerRestartNoResponse>(_ => Timers.StartSingleTimer(LivenessTimer, PeerTimer.NoResponseExpired, _settings.MaxTimeNoResponse));
        Receive<PeerStateChange>(change => Become(change.State switch
        {
            EnrpPeerState.Synchronizing => Synchronizing,
            EnrpPeerState.InService => InService,
            _ => Presence,
        }));
        Receive<PeerTimer>(timer => timer == PeerTimer.LastHeardExpired, _ =>
        {
            Context.Parent.Tell(new PeerProbeDue(_serverId), Self);
            Timers.StartSingleTimer(LivenessTimer, PeerTimer.NoResponseExpired, _settings.MaxTimeNoResponse);
        });
        Receive<PeerTimer>(timer => timer == PeerTimer.NoResponseExpired, _ => Context.Parent.Tell(new PeerSilent(_serverId), Self));
    }

    private void RestartLastHeard() => Timers.StartSingleTimer(LivenessTimer, PeerTimer.LastHeardExpired, _settings.MaxTimeLastHeard);
}
