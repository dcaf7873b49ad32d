namespace RSerPool.Hosts.Status;

/// <summary>
/// A user transport in /status (RFC 5354 §3.2–3.5): protocol (sctp, tcp, udp, udp-lite, dccp), addresses, port, and
/// the Transport Use of SCTP and TCP ("data" or "data+control"; null for the others).
/// </summary>
public sealed record TransportStatus(string Protocol, IReadOnlyList<string> Addresses, int Port, string? Use)
{
    /// <summary>As `rserpool monitor` prints it: <c>TCP 127.0.0.1 port 7000</c>.</summary>
    public override string ToString() => $"{Protocol.ToUpperInvariant()} {string.Join(",", Addresses)} port {Port}";
}
