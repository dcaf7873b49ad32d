using Akka.Actor;
using RSerPool.Actors.Registrar;
using RSerPool.Actors.Tests.Registrar.Support;
using RSerPool.TestKit;
using Xunit;

namespace RSerPool.Actors.Tests.Registrar;

/// <summary>The per-PE actors' mailbox on Akka's thread-pool dispatcher: senders on several threads at once.</summary>
public sealed class PeMailboxRealTimeSpec : RealTimeTestKit
{
    [Fact]
    public async Task Every_message_from_concurrent_senders_is_handled_each_sender_in_order()
    {
        const int senders = 4;
        const int perSender = 5_000;
        PeMailbox.Install(Sys);
        var recorder = Sys.ActorOf(Props.Create(() => new SequenceRecorder(TestActor, senders * perSender)).WithMailbox(PeMailbox.Id));

        await Task.WhenAll(Enumerable.Range(0, senders).Select(sender => Task.Run(() =>
        {
            for (int i = 0; i < perSender; i++)
            {
                recorder.Tell((sender, i));
            }
        })));

        Assert.Equal(senders * perSender, await ExpectMsgAsync<int>(TimeSpan.FromSeconds(30)));
        Assert.IsType<PeMessageQueue>(PeMailboxSpec.MessageQueueOf(recorder));   // started by now: its real cell
    }
}
