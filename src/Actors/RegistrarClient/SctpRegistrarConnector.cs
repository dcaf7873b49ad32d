// ASAP over kernel SCTP towards a registrar (RFC 5352 §5: SCTP, PPID 11), e.g. RSPLIB's rspregistrar.
using Akka.Actor;
using RSerPool.Actors.Transport.Sctp;

namespace RSerPool.Actors.RegistrarClient;

/// <summary>
/// Connects a one-to-one SCTP socket (off the actor, at most the request's timeout) and hands it to the client, which
/// runs it as an <see cref="SctpAssociationActor{TMessage}"/> with <see cref="RegistrarClientSettings.Sctp"/>. Where the kernel has
/// no SCTP every attempt fails with <see cref="SctpSupport.Reason"/>.
/// </summary>
public sealed class SctpRegistrarConnector : IRegistrarConnector
{
    public static SctpRegistrarConnector Instance { get; } = new();

    public bool UsesSctp => true;

    public void Connect(ConnectRegistrar request, IActorRef client)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        _ = Task.Run(() => ConnectBlocking(request, client));
    }

    private static void ConnectBlocking(ConnectRegistrar request, IActorRef client)
    {
        if (!SctpSupport.IsAvailable)
        {
            client.Tell(new RegistrarConnectFailed(request.Attempt, SctpSupport.Reason), ActorRefs.NoSender);
            return;
        }

        if (!TryConnect(request, request.Timeout, client, out string reason))
        {
            client.Tell(new RegistrarConnectFailed(request.Attempt, reason), ActorRefs.NoSender);
        }
    }

    /// <summary>
    /// Connects within <paramref name="timeout"/> (blocking) and tells <paramref name="client"/> the socket; false with
    /// <paramref name="reason"/> when the association could not be set up (nothing is told then).
    /// </summary>
    internal static bool TryConnect(ConnectRegistrar request, TimeSpan timeout, IActorRef client, out string reason)
    {
        SctpSocket? socket = null;
        try
        {
            socket = SctpSocket.Create(request.Registrar.AddressFamily);
            socket.PrepareForMessages();
            socket.Connect(request.Registrar, timeout);
            client.Tell(new RegistrarSctpSocketConnected(request.Attempt, socket), ActorRefs.NoSender);
            reason = string.Empty;
            return true;
        }
        catch (SctpException e)
        {
            socket?.Dispose();
            reason = e.Message;
            return false;
        }
    }
}
