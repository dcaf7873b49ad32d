namespace RSerPool.Actors.Registrar;

/// <summary>To the registrar (local): how loaded it is now; answered with <see cref="RegistrarLoad"/> (docs/cluster.md).</summary>
public sealed class GetRegistrarLoad
{
    public static readonly GetRegistrarLoad Instance = new();
}
