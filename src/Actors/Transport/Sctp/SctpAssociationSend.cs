// RFC 6458 §5.3.4: stream, PPID and unordered delivery chosen per message (issue 7 "PPID and stream per message").
namespace RSerPool.Actors.Transport.Sctp;

/// <summary>
/// To an SCTP association actor: send <paramref name="Message"/> as <see cref="AssociationSend{TMessage}"/> does, but
/// on <paramref name="Stream"/>, unordered when <paramref name="Unordered"/>, and with <paramref name="PayloadProtocolId"/>
/// instead of the association's PPID when given. Messages on one stream keep their order unless sent unordered.
/// </summary>
public sealed record SctpAssociationSend<TMessage>(TMessage Message, ushort Stream, bool Unordered = false, uint? PayloadProtocolId = null);
