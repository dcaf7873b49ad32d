// RFC 5353 §3.3, §3.6.3: copies changed by Handle Updates, Handle Table Responses, audits and expiry, in arrival order.
namespace RSerPool.Actors.Enrp;

/// <summary>
/// ENRP → registrar (all pools) and registrar → one pool actor (its pool only): replica changes to apply in order.
/// One message carries what one ENRP message changed (a Handle Table Response part, an audit sweep, an expiry pass, or
/// one Handle Update), so bulk synchronisation costs one actor message per pool and part instead of one per PE. The
/// array is never mutated after sending.
/// </summary>
internal sealed record ReplicaChanges(ReplicaChange[] Changes)
{
    public override string ToString() => $"ReplicaChanges({Changes.Length})";
}
