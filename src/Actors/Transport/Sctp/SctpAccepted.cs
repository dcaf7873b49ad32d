namespace RSerPool.Actors.Transport.Sctp;

/// <summary>Internal: the accept loop has a new association for the listener actor.</summary>
internal sealed record SctpAccepted(SctpSocket Socket);
