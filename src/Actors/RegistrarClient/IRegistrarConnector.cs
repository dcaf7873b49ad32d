// Outbound association set-up for the registrar hunt (docs/protocol-notes.md §8).
using Akka.Actor;

namespace RSerPool.Actors.RegistrarClient;

/// <summary>
/// Opens a connection to a registrar for <see cref="RegistrarClientActor"/>. It answers the client with
/// <see cref="RegistrarSocketConnected"/> or <see cref="RegistrarAssociationOpened"/> on success and
/// <see cref="RegistrarConnectFailed"/> on failure, each carrying the request's attempt number. Tests plug in a
/// connector that hands the request to a probe, which then plays the association.
/// </summary>
public interface IRegistrarConnector
{
    /// <summary>True when it speaks ASAP over SCTP: a Server Announce's SCTP Transport is then preferred to its TCP one.</summary>
    bool UsesSctp => false;

    void Connect(ConnectRegistrar request, IActorRef client);
}
