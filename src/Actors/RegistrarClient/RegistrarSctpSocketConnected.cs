using RSerPool.Actors.Transport.Sctp;

namespace RSerPool.Actors.RegistrarClient;

/// <summary>Internal: <see cref="SctpRegistrarConnector"/> set up an SCTP association to a registrar for hunt <paramref name="Attempt"/>.</summary>
internal sealed record RegistrarSctpSocketConnected(long Attempt, SctpSocket Socket);
