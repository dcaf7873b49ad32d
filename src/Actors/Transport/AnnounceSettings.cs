using System.Net;

namespace RSerPool.Actors.Transport;

/// <summary>
/// Where and how often a UDP announcer sends (ASAP Server Announce, docs/protocol-notes.md §7; ENRP Presence, RFC 5353 §3.4).
/// <see cref="Targets"/> may mix multicast groups and unicast addresses; empty means announcing is off.
/// </summary>
public sealed record AnnounceSettings(IReadOnlyList<IPEndPoint> Targets, TimeSpan Interval, int MulticastTimeToLive = 30)
{
    public bool Enabled => Targets.Count > 0 && Interval > TimeSpan.Zero;
}
