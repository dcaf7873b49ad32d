// ASAP over TCP towards a registrar (docs/protocol-notes.md §2 project convention).
using System.Net.Sockets;
using Akka.Actor;

namespace RSerPool.Actors.RegistrarClient;

/// <summary>Connects with <see cref="Socket.ConnectAsync(System.Net.EndPoint, CancellationToken)"/> and pipes the outcome to the client.</summary>
public sealed class TcpRegistrarConnector : IRegistrarConnector
{
    public static TcpRegistrarConnector Instance { get; } = new();

    public void Connect(ConnectRegistrar request, IActorRef client)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        _ = ConnectAsync(request, client);
    }

    private static async Task ConnectAsync(ConnectRegistrar request, IActorRef client)
    {
        var socket = new Socket(request.Registrar.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var cancel = new CancellationTokenSource(request.Timeout);
        try
        {
            await socket.ConnectAsync(request.Registrar, cancel.Token).ConfigureAwait(false);
            client.Tell(new RegistrarSocketConnected(request.Attempt, socket), ActorRefs.NoSender);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            socket.Dispose();
            string reason = e is OperationCanceledException ? $"no connection within {request.Timeout}" : e.Message;
            client.Tell(new RegistrarConnectFailed(request.Attempt, reason), ActorRefs.NoSender);
        }
    }
}
