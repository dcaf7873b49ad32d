// "auto" towards a registrar (issue 7): ASAP over SCTP (RFC 5352 §5) where the kernel has it and the registrar takes it,
// else over TCP (docs/protocol-notes.md §2) to the same endpoint.
using Akka.Actor;
using RSerPool.Actors.Transport.Sctp;

namespace RSerPool.Actors.RegistrarClient;

/// <summary>
/// Tries an SCTP association to the registrar within half the request's timeout, and on failure (refused, no SCTP
/// listener, no kernel SCTP) connects over TCP within the rest; so one HOST:PORT reaches our registrars (which serve
/// both on one port by default), RSPLIB's (SCTP only) and TCP-only ones alike.
/// </summary>
public sealed class AutoRegistrarConnector : IRegistrarConnector
{
    public static AutoRegistrarConnector Instance { get; } = new();

    public bool UsesSctp => SctpSupport.IsAvailable;

    public void Connect(ConnectRegistrar request, IActorRef client)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        if (!SctpSupport.IsAvailable)
        {
            TcpRegistrarConnector.Instance.Connect(request, client);
            return;
        }

        _ = Task.Run(() =>
        {
            TimeSpan sctpTimeout = request.Timeout / 2;
            if (!SctpRegistrarConnector.TryConnect(request, sctpTimeout, client, out _))
            {
                TcpRegistrarConnector.Instance.Connect(request with { Timeout = request.Timeout - sctpTimeout }, client);
            }
        });
    }
}
