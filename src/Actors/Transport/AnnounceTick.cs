using Akka.Actor;

namespace RSerPool.Actors.Transport;

/// <summary>Internal timer message of <see cref="UdpAnnouncerActor"/>; housekeeping, so it does not reset a receive timeout.</summary>
internal sealed class AnnounceTick : INotInfluenceReceiveTimeout
{
    public static AnnounceTick Instance { get; } = new();
}
