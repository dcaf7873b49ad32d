using System.Net;
using Akka.Actor;
using RSerPool.Actors.Transport;

namespace RSerPool.Actors.Registrar;

/// <summary>
/// Admits an association's Handle Resolutions and Endpoint Unreachable reports against its own budget and its host's
/// (docs/protocol-notes.md §9). A refused request also pauses reading from the association until a budget holds a
/// request again (<see cref="ThrottleReading"/>, at least <see cref="MinPause"/>): a flooding client then costs a few
/// refusals per pause instead of one per request it can send, and other clients keep the registrar's CPU.
/// </summary>
internal sealed class RateLimitGate(RegistrarSettings settings, TimeProvider clock)
{
    /// <summary>Shortest pause: long enough that a flood is answered with a handful of refusals per pause.</summary>
    public static readonly TimeSpan MinPause = TimeSpan.FromMilliseconds(20);

    /// <summary>Longest pause: a slow budget (e.g. 1 request per second) never stalls a client longer.</summary>
    public static readonly TimeSpan MaxPause = TimeSpan.FromSeconds(1);

    private readonly HostRateLimits _hosts = new(settings, clock);

    public void Attach(EndPoint? remote) => _hosts.Attach(remote);

    public void Detach(EndPoint? remote) => _hosts.Detach(remote);

    /// <summary>True when the resolution is within both budgets; otherwise reading from the association pauses.</summary>
    public bool AdmitResolution(AssociationState state, IActorRef registrar)
    {
        if (state.HandleResolutions.TryTake() && _hosts.TryTakeResolution(state.Peer.Remote))
        {
            return true;
        }

        Pause(state, Longer(state.HandleResolutions.TimeUntilToken(), _hosts.TimeUntilResolution(state.Peer.Remote)), registrar);
        return false;
    }

    /// <summary>True when the report is within both budgets; otherwise reading from the association pauses.</summary>
    public bool AdmitUnreachable(AssociationState state, IActorRef registrar)
    {
        if (state.UnreachableReports.TryTake() && _hosts.TryTakeUnreachable(state.Peer.Remote))
        {
            return true;
        }

        Pause(state, Longer(state.UnreachableReports.TimeUntilToken(), _hosts.TimeUntilUnreachable(state.Peer.Remote)), registrar);
        return false;
    }

    private void Pause(AssociationState state, TimeSpan untilBudget, IActorRef registrar)
    {
        long now = clock.GetTimestamp();
        if (now < state.ThrottledUntil)
        {
            return;
        }

        TimeSpan pause = untilBudget < MinPause ? MinPause : untilBudget > MaxPause ? MaxPause : untilBudget;
        state.ThrottledUntil = now + (long)(pause.TotalSeconds * clock.TimestampFrequency);
        state.Peer.Association.Tell(new ThrottleReading(pause), registrar);
    }

    private static TimeSpan Longer(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
