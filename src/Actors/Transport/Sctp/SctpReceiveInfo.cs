namespace RSerPool.Actors.Transport.Sctp;

/// <summary>struct sctp_rcvinfo (RFC 6458 §5.3.5): where an incoming message came in and with which payload protocol.</summary>
public readonly record struct SctpReceiveInfo(ushort Stream, ushort StreamSequence, bool Unordered, uint PayloadProtocolId, uint Tsn, int AssociationId);
