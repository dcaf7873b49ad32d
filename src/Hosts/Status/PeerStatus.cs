namespace RSerPool.Hosts.Status;

/// <summary>One ENRP peer as the registrar sees it (RFC 5353 §4: state, silence).</summary>
public sealed record PeerStatus(string ServerId, string? EndPoint, string State, bool Silent);
