// Reaching the PEs adopted by a takeover over TCP (RFC 5353 §3.5.2; the PE's TCP ASAP endpoint: docs/protocol-notes.md §2).
using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using Akka.Event;
using RSerPool.Actors.Transport;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Registrar;

public sealed partial class RegistrarActor
{
    // PEs waiting for an association to their ASAP endpoint, by endpoint: one process's PEs share one endpoint, so
    // one connect serves them all.
    private readonly Dictionary<IPEndPoint, List<(PoolHandle Handle, uint Identifier)>> _adoptionConnects = [];
    private long _nextAdoptedAssociation;

    private void ReceiveAdoption()
    {
        Receive<ConnectAdoptedPe>(connect => _poolsByActor.ContainsKey(Sender), ConnectAdopted);
        Receive<AdoptedPeConnectResult>(OnAdoptedConnectResult);
    }

    // RFC 5353 §3.5.2: the new home sends each adopted PE Keep Alive with H=1; over TCP it first connects to the
    // endpoint the PE announced, within one keep-alive interval + timeout (the PE actor's own deadline is the same).
    private void ConnectAdopted(ConnectAdoptedPe connect)
    {
        if (_adoptionConnects.TryGetValue(connect.AsapEndPoint, out var waiting))
        {
            waiting.Add((connect.PoolHandle, connect.Identifier));
            return;
        }

        _adoptionConnects[connect.AsapEndPoint] = [(connect.PoolHandle, connect.Identifier)];
        _ = ConnectAsync(connect.AsapEndPoint, _settings.KeepAliveInterval + _settings.KeepAliveTimeout, Self);
    }

    private static async Task ConnectAsync(IPEndPoint endPoint, TimeSpan timeout, IActorRef registrar)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await socket.ConnectAsync(endPoint, cancel.Token).ConfigureAwait(false);
            registrar.Tell(new AdoptedPeConnectResult(endPoint, socket, null), ActorRefs.NoSender);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            socket.Dispose();
            string reason = e is OperationCanceledException ? $"no connection within {timeout}" : e.Message;
            registrar.Tell(new AdoptedPeConnectResult(endPoint, null, reason), ActorRefs.NoSender);
        }
    }

    private void OnAdoptedConnectResult(AdoptedPeConnectResult result)
    {
        if (!_adoptionConnects.Remove(result.AsapEndPoint, out var waiting))
        {
            result.Socket?.Dispose();
            return;
        }

        AsapPeer? peer = null;
        if (result.Socket is { } socket)
        {
            var association = Context.ActorOf(
                TcpAssociationActor<AsapMessage>.Props(socket, Self, AsapWireCodec.Instance, _settings.Association),
                $"adopted-association-{++_nextAdoptedAssociation}");
            peer = Establish(association, result.AsapEndPoint).Peer;
            _log.Info("registrar 0x{ServerId:x8}: association to the ASAP endpoint {EndPoint} of {Count} adopted PEs is up",
                _serverId, result.AsapEndPoint, waiting.Count);
        }
        else
        {
            _log.Warning("registrar 0x{ServerId:x8}: the ASAP endpoint {EndPoint} of {Count} adopted PEs is unreachable ({Reason}): they are removed",
                _serverId, result.AsapEndPoint, waiting.Count, result.Reason);
        }

        foreach (var (handle, identifier) in waiting)
        {
            if (_pools.TryGetValue(handle, out PoolRoute? route))
            {
                route.Routed++;
                route.Actor.Tell(peer is not null ? new AdoptedPeAttached(identifier, peer) : new AdoptedPeUnreachable(identifier, result.Reason ?? "unreachable"), Self);
            }
        }
    }
}
