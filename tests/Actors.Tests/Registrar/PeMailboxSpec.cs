using System.Net;
using Akka.Actor;
using Akka.Configuration;
using Akka.Dispatch.MessageQueues;
using RSerPool.Actors.Registrar;
using RSerPool.Actors.Tests.Registrar.Support;
using RSerPool.Actors.Transport;
using RSerPool.TestKit;
using RSerPool.Wire.Messages.Asap;
using Xunit;

namespace RSerPool.Actors.Tests.Registrar;

/// <summary>
/// The per-PE actors' mailbox (docs/bench-akka.md): known to any actor system once the registrar installs it, used by
/// <see cref="PeRegistrationActor"/>'s Props, and working on the calling-thread dispatcher of virtual-time specs.
/// </summary>
public sealed class PeMailboxSpec : VirtualTimeTestKit
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    [Fact]
    public void Install_makes_the_mailbox_known_to_a_system_whose_config_lacks_it()
    {
        Assert.False(Sys.Settings.Config.HasPath(PeMailbox.Id));

        PeMailbox.Install(Sys);
        PeMailbox.Install(Sys);   // again: nothing changes

        Assert.Equal($"{typeof(PeMailbox).FullName}, RSerPool.Actors", Sys.Settings.Config.GetString($"{PeMailbox.Id}.mailbox-type"));
        Assert.IsType<PeMessageQueue>(MessageQueueOf(Sys.ActorOf(PeActorProps(CreateTestProbe().Ref))));
    }

    [Fact]
    public void The_pe_actor_props_name_the_mailbox()
    {
        Assert.Equal(PeMailbox.Id, PeActorProps(CreateTestProbe().Ref).Mailbox);
    }

    [Fact]
    public void On_the_calling_thread_dispatcher_a_pe_actor_has_handled_its_timer_when_advance_returns()
    {
        PeMailbox.Install(Sys);
        var association = CreateTestProbe();
        var actor = Sys.ActorOf(PeActorProps(association.Ref));
        Assert.IsType<PeMessageQueue>(MessageQueueOf(actor));

        Advance(Interval);

        Assert.True(association.HasMessages);   // no waiting: the Keep Alive went out within Advance
        Assert.IsType<AsapEndpointKeepAlive>(association.ExpectMsg<AssociationSend<AsapMessage>>().Message);
    }

    [Fact]
    public async Task A_system_whose_config_names_the_mailbox_keeps_its_own_choice()
    {
        var config = ConfigurationFactory.ParseString($"{PeMailbox.Id}.mailbox-type = \"Akka.Dispatch.UnboundedMailbox, Akka\"");
        var system = ActorSystem.Create("own-choice", config.WithFallback(Sys.Settings.Config));
        try
        {
            PeMailbox.Install(system);

            var actor = system.ActorOf(Props.Create(() => new SequenceRecorder(ActorRefs.Nobody, 1)).WithMailbox(PeMailbox.Id));
            Assert.IsType<UnboundedMessageQueue>(MessageQueueOf(actor));
        }
        finally
        {
            await system.Terminate();
        }
    }

    private Props PeActorProps(IActorRef association)
    {
        var supervision = new PeSupervision(Asap.EchoPool, 0x5e5e0003, Interval, Interval, Clock, Akka.Actor.Deploy.None.WithMailbox(PeMailbox.Id));
        return PeRegistrationActor.Props(supervision, 0x2000_0001, new AsapPeer(association, 1, new IPEndPoint(IPAddress.Loopback, 4000)), 0, 1);
    }

    internal static IMessageQueue MessageQueueOf(IActorRef actor) =>
        ((ActorCell)((ActorRefWithCell)actor).Underlying).Mailbox?.MessageQueue ?? throw new InvalidOperationException($"{actor} has no mailbox");
}
