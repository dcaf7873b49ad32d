namespace RSerPool.Actors.Cluster;

/// <summary>
/// To <see cref="RegistrarDirectoryActor"/>: the sender gets <see cref="RegistrarsChanged"/> now and on every change,
/// until it stops or sends <see cref="UnsubscribeRegistrars"/>.
/// </summary>
public sealed record SubscribeRegistrars
{
    public static readonly SubscribeRegistrars Instance = new();
}
