using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Cluster;

/// <summary>Pool actor → pool watch actor, on <see cref="AttachPoolWatch"/>: the PEs whose home is this registrar, before any later change.</summary>
internal sealed record PoolHomeElements(PoolHandle PoolHandle, PoolElement[] Elements)
{
    public override string ToString() => $"PoolHomeElements({PoolHandle}, {Elements.Length} PEs)";
}
