namespace RSerPool.Actors.Cluster;

/// <summary>
/// Where a clustered registrar serves: transport-tagged endpoints such as <c>"tcp:10.0.0.1:3863"</c>,
/// <c>"sctp:10.0.0.1:3863"</c> or <c>"tcp:[fd00::1]:9901"</c> (<see cref="RegistrarEndpointText"/>), any-address binds
/// replaced by the node's cluster hostname. <paramref name="Enrp"/> is empty when the registrar runs without ENRP.
/// </summary>
/// <param name="ServerId">The registrar's Server Identifier (RFC 5353 §3.2.1).</param>
/// <param name="Asap">ASAP endpoints (RFC 5352), the TCP one first.</param>
/// <param name="Enrp">ENRP endpoints (RFC 5353), one per served transport.</param>
public sealed record RegistrarEndpoints(uint ServerId, IReadOnlyList<string> Asap, IReadOnlyList<string> Enrp) : IRSerPoolClusterMessage
{
    // Held as arrays: whatever serializer Akka.Remote binds (Newtonsoft JSON when none is) can rebuild them, which it
    // cannot for the compiler's types behind a collection expression.
    public IReadOnlyList<string> Asap { get; init; } = Asap.ToArray();

    public IReadOnlyList<string> Enrp { get; init; } = Enrp.ToArray();

    /// <summary>Equal when the id and every endpoint in order are equal (the lists compare by content).</summary>
    public bool Equals(RegistrarEndpoints? other) =>
        other is not null && ServerId == other.ServerId && Asap.SequenceEqual(other.Asap) && Enrp.SequenceEqual(other.Enrp);

    public override int GetHashCode() => HashCode.Combine(ServerId, Asap.Count, Enrp.Count);
}
