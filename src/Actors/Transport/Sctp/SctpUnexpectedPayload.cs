namespace RSerPool.Actors.Transport.Sctp;

/// <summary>Internal: a message arrived with another PPID than the association's protocol; it is discarded.</summary>
internal sealed record SctpUnexpectedPayload(uint PayloadProtocolId, ushort Stream, int Length);
