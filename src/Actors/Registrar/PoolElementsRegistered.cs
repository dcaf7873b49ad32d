// RFC 5353 §3.6.3: the books of a burst of replica changes applied by one pool.
namespace RSerPool.Actors.Registrar;

/// <summary>Pool actor → registrar: several <see cref="PoolElementRegistered"/> at once (one per changed copy of a <c>ReplicaChanges</c>); never mutated after sending.</summary>
internal sealed record PoolElementsRegistered(PoolElementRegistered[] Registered)
{
    public override string ToString() => $"PoolElementsRegistered({Registered.Length})";
}
