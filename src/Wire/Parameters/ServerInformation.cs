// Server Information parameter (RFC 5354 §3.11, docs/protocol-notes.md §4): no flags word (pre-RFC drafts had one; never send it).
// | 0x000B | Length | Server Identifier (32) | SCTP Transport parameter (the registrar's ENRP endpoint) |
namespace RSerPool.Wire.Parameters;

public sealed record ServerInformation(uint ServerIdentifier, SctpTransport Transport);
