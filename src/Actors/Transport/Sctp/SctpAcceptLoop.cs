using Akka.Actor;

namespace RSerPool.Actors.Transport.Sctp;

/// <summary>
/// The accept loop of the SCTP listener actors: polls the listening socket on a dedicated thread and tells the actor
/// each accepted association as <see cref="SctpAccepted"/>; ends when the socket is disposed or <paramref name="cancel"/> fires.
/// </summary>
internal static class SctpAcceptLoop
{
    public static void Start(SctpSocket listener, IActorRef self, TimeSpan pollInterval, CancellationToken cancel) =>
        _ = Task.Factory.StartNew(() => Run(listener, self, pollInterval, cancel), cancel, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static void Run(SctpSocket listener, IActorRef self, TimeSpan pollInterval, CancellationToken cancel)
    {
        while (!cancel.IsCancellationRequested)
        {
            try
            {
                if (!listener.WaitReady(write: false, pollInterval))
                {
                    continue;
                }
                while (!cancel.IsCancellationRequested && listener.TryAccept() is { } accepted)
                {
                    self.Tell(new SctpAccepted(accepted), ActorRefs.NoSender);
                }
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SctpException)
            {
                // An association aborted before accept completed: keep accepting the others.
                continue;
            }
        }
    }
}
