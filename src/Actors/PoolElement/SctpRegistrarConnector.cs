// ASAP over kernel SCTP towards a registrar (RFC 5352 §5: SCTP, PPID 11), e.g. RSPLIB's rspregistrar.
using RSerPool.Actors.Kernel;
using RSerPool.Actors.Transport.Sctp;

namespace RSerPool.Actors.PoolElements;

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
        SctpSocket? socket = null;
        try
        {
            socket = SctpSocket.Create(request.Registrar.AddressFamily);
            socket.PrepareForMessages();
            socket.Connect(request.Registrar, request.Timeout);
            client.Tell(new RegistrarSctpSocketConnected(request.Attempt, socket), ActorRefs.NoSender);
        }
        catch (SctpException e)
        {
            socket?.Dispose();
            client.Tell(new RegistrarConnectFailed(request.Attempt, e.Message), ActorRefs.NoSender);
        }
    }
}
