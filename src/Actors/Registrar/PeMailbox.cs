using Akka.Actor;
using Akka.Configuration;
using Akka.Dispatch;
using Akka.Dispatch.MessageQueues;

namespace RSerPool.Actors.Registrar;

/// <summary>
/// Akka mailbox type of the per-PE actors (<see cref="PeMessageQueue"/>), selected by
/// <c>Props.WithMailbox(<see cref="Id"/>)</c>. Its HOCON is put into the actor system by <see cref="Install"/> as a
/// top-level fallback, so the registrar works inside any actor system, whatever that system's config holds; a config
/// that sets <see cref="Id"/> itself wins (e.g. <c>mailbox-type = "Akka.Dispatch.UnboundedMailbox"</c> to go back to
/// Akka's default).
/// </summary>
internal sealed class PeMailbox : MailboxType, IProducesMessageQueue<PeMessageQueue>
{
    /// <summary>The mailbox id, next to Akka's own mailbox configs under <c>akka.actor.mailbox</c>.</summary>
    public const string Id = "akka.actor.mailbox.rserpool-pe-registration";

    private static readonly Config s_config = ConfigurationFactory.ParseString(
        $"{Id}.mailbox-type = \"{typeof(PeMailbox).FullName}, {typeof(PeMailbox).Assembly.GetName().Name}\"");

    private static readonly Lock s_installing = new();

    public PeMailbox(Settings settings, Config config)
        : base(settings, config)
    {
    }

    /// <summary>Makes <see cref="Id"/> known to <paramref name="system"/> (once; later calls only look).</summary>
    public static void Install(ActorSystem system)
    {
        if (system.Settings.Config.HasPath(Id))
        {
            return;
        }

        lock (s_installing)
        {
            if (!system.Settings.Config.HasPath(Id))
            {
                system.Settings.InjectTopLevelFallback(s_config);
            }
        }
    }

    public override IMessageQueue Create(IActorRef owner, ActorSystem system) => new PeMessageQueue();
}
