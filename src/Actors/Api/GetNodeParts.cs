namespace RSerPool.Actors.Api;

/// <summary>Internal: asks the node actor for its registrar client and resolver; answered with <see cref="NodeParts"/>.</summary>
internal sealed record GetNodeParts
{
    public static GetNodeParts Instance { get; } = new();
}
