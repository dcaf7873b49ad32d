// Where a PE speaking ASAP over TCP takes a new home's association after a takeover (RFC 5353 §3.5.2;
// docs/protocol-notes.md §2 says why a separate ASAP endpoint and not the PE's data endpoint).
using System.Net;
using Akka.Actor;
using Akka.Event;
using RSerPool.Actors.Transport;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.RegistrarClient;

public sealed partial class RegistrarClientActor
{
    private readonly HashSet<IActorRef> _tcpAssociations = [];
    private IActorRef? _takeoverListener;
    private IPEndPoint? _takeoverEndPoint;
    private bool _takeoverListenerSettled;

    // Registrations are held until the listener has bound (or failed to).
    private bool TakeoverListenerBinding => _takeoverListener is not null && !_takeoverListenerSettled;

    private void ReceiveTakeoverListener()
    {
        Receive<Bound>(bound => bound.Listener.Equals(_takeoverListener), bound =>
        {
            _takeoverEndPoint = bound.LocalEndPoint;
            _takeoverListenerSettled = true;
            _log.Info("registrar associations of a takeover are accepted on TCP {EndPoint}", bound.LocalEndPoint);
            SendUnsentOnCurrent();
        });
        Receive<BindFailed>(failed =>
        {
            _takeoverListenerSettled = true;
            _log.Warning("cannot accept takeover registrars on TCP {EndPoint} ({Reason}): a registrar taking this PE over cannot reach it",
                failed.EndPoint, failed.Reason);
            SendUnsentOnCurrent();
        });
    }

    // Opened with the first registration: a process with PUs only listens on nothing.
    private void StartTakeoverListener()
    {
        if (_takeoverListener is not null || _settings.TakeoverListenEndPoint is not { } listen)
        {
            return;
        }

        _takeoverListener = Context.ActorOf(
            TcpListenerActor<AsapMessage>.Props(listen, Self, AsapWireCodec.Instance, _settings.Association, _settings.MaxTakeoverAssociations),
            "takeover-listener");
        Context.Watch(_takeoverListener);
    }

    private bool OnTakeoverListenerTerminated(IActorRef actor)
    {
        if (!actor.Equals(_takeoverListener))
        {
            return false;
        }

        _takeoverEndPoint = null;
        _takeoverListenerSettled = true;
        SendUnsentOnCurrent();
        return true;
    }

    private void SendUnsentOnCurrent()
    {
        if (_current is not null)
        {
            SendUnsent(_current);
        }
    }

    // The ASAP transport a registration over a TCP association carries: the listener's port (the registrar takes the
    // address from the association, docs/protocol-notes.md §2). None over SCTP: RSPLIB's form stays as it is.
    private TcpTransport? TakeoverTransportFor(IActorRef association, IPAddress? local) =>
        _takeoverEndPoint is { } listen && _tcpAssociations.Contains(association)
            ? new TcpTransport((ushort)listen.Port, TransportUse.DataOnly, [local ?? listen.Address])
            : null;
}
