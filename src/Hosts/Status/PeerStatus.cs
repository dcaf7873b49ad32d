namespace RSerPool.Hosts.Status;

/// <summary>
/// One ENRP peer as the registrar sees it (RFC 5353 §4: state, silence). A configured peer that cannot be connected to
/// has the state <see cref="UnreachableState"/>, the server id "unknown", and the reason of its last failed connect.
/// </summary>
public sealed record PeerStatus(string ServerId, string? EndPoint, string State, bool Silent)
{
    /// <summary>The state of a configured peer that cannot be connected to.</summary>
    public const string UnreachableState = "unreachable";

    /// <summary>Why the last connect to an unreachable peer failed; null for a peer in the peer list.</summary>
    public string? Reason { get; init; }

    /// <summary>Failed connects in a row to an unreachable peer; 0 for a peer in the peer list.</summary>
    public int FailedConnects { get; init; }

    /// <summary>True for a configured peer that cannot be connected to (derived from <see cref="State"/>, not served).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsUnreachable => State == UnreachableState;
}
