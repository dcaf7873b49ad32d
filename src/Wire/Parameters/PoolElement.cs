// Pool Element parameter (RFC 5354 §3.10, docs/protocol-notes.md §4):
// | 0x000A | Length |
// | PE Identifier (32) | Home ENRP Server Identifier (32) | Registration Life (32, signed, ms) |
// | User Transport parameter | Pool Member Selection Policy parameter | [ASAP Transport (SCTP), ENRP only] |
namespace RSerPool.Wire.Parameters;

/// <param name="Identifier">PE Identifier (non-zero on a valid registration).</param>
/// <param name="HomeServerIdentifier">Home ENRP server's ID, 0 = not known.</param>
/// <param name="RegistrationLifeMs">Registration Life, signed, in milliseconds.</param>
/// <param name="UserTransport">Where PUs reach the PE.</param>
/// <param name="Policy">The PE's policy and policy values.</param>
/// <param name="AsapTransport">The PE's SCTP endpoint towards its home registrar; sent inside ENRP messages only.</param>
public sealed record PoolElement(
    uint Identifier,
    uint HomeServerIdentifier,
    int RegistrationLifeMs,
    TransportParameter UserTransport,
    PoolMemberSelectionPolicy Policy,
    SctpTransport? AsapTransport = null);
