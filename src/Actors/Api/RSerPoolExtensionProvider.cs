using Akka.Actor;

namespace RSerPool.Actors.Api;

/// <summary>The extension id of <see cref="RSerPoolExtension"/>.</summary>
public sealed class RSerPoolExtensionProvider : ExtensionIdProvider<RSerPoolExtension>
{
    /// <inheritdoc />
    public override RSerPoolExtension CreateExtension(ExtendedActorSystem system) => new(system);
}
