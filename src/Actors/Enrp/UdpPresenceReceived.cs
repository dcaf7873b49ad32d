// RFC 5353 §3.4: a Presence that came by UDP (multicast or unicast).
using System.Net;
using RSerPool.Wire.Messages.Enrp;

namespace RSerPool.Actors.Enrp;

/// <summary>UDP Presence actor → ENRP: a decoded Presence and the datagram's source.</summary>
internal sealed record UdpPresenceReceived(EnrpPresence Presence, IPEndPoint Source);
