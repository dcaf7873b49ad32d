using Akka.Actor.Setup;

namespace RSerPool.Actors.Api;

/// <summary>
/// Programmatic settings of <see cref="RSerPoolExtension"/> for an <see cref="Akka.Actor.ActorSystem"/>, given in its
/// <see cref="ActorSystemSetup"/>; they take precedence over the <c>rserpool</c> HOCON section.
/// </summary>
public sealed class RSerPoolSetup(RSerPoolNodeOptions node) : Setup
{
    /// <summary>The node's options (registrars to use, PU cache, timeouts). Its <c>System</c> is ignored.</summary>
    public RSerPoolNodeOptions Node { get; } = node ?? throw new ArgumentNullException(nameof(node));
}
