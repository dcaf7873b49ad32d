using System.Net.Sockets;
using Akka.Actor;

namespace RSerPool.Actors.Transport;

/// <summary>
/// The accept loop of the TCP listener actors: runs off-actor and tells the actor each accepted socket as
/// <see cref="SocketAccepted"/>; ends when the listener closes or <paramref name="cancel"/> fires.
/// </summary>
internal static class TcpAcceptLoop
{
    public static async Task RunAsync(Socket listener, IActorRef self, CancellationToken cancel)
    {
        while (!cancel.IsCancellationRequested)
        {
            Socket accepted;
            try
            {
                accepted = await listener.AcceptAsync(cancel).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                // A connection reset before accept completed: keep accepting the others.
                continue;
            }
            self.Tell(new SocketAccepted(accepted), ActorRefs.NoSender);
        }
    }
}
