namespace RSerPool.Actors.Transport;

/// <summary>Replaces the datagram a <see cref="UdpAnnouncerActor"/> sends (e.g. after its registrar learned its port).</summary>
public sealed record UpdateAnnouncement(byte[] Datagram);
