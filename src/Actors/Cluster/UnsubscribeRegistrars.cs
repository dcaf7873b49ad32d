namespace RSerPool.Actors.Cluster;

/// <summary>To <see cref="RegistrarDirectoryActor"/>: the sender gets no more <see cref="RegistrarsChanged"/>.</summary>
public sealed record UnsubscribeRegistrars
{
    public static readonly UnsubscribeRegistrars Instance = new();
}
