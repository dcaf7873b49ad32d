// RFC 5353 §3.2, §3.4, §3.5 timers of the ENRP actor.
namespace RSerPool.Actors.Enrp;

/// <summary>Timer messages of <see cref="EnrpActor"/>.</summary>
internal enum EnrpTick
{
    /// <summary>PEER-HEARTBEAT-CYCLE: Presence to every peer; expired copies are removed.</summary>
    Heartbeat,

    /// <summary>The mentor-discovery time is over: the startup phase ends.</summary>
    MentorDiscoveryOver,
}
