// Pool Element parameter (RFC 5354 §3.10, docs/protocol-notes.md §4):
// | 0x000A | Length |
// | PE Identifier (32) | Home ENRP Server Identifier (32) | Registration Life (32, signed, ms) |
// | User Transport parameter | Pool Member Selection Policy parameter | [ASAP Transport (SCTP, or TCP: docs/protocol-notes.md §2)] |
namespace RSerPool.Wire.Parameters;

/// <param name="Identifier">PE Identifier (non-zero on a valid registration).</param>
/// <param name="HomeServerIdentifier">Home ENRP server's ID, 0 = not known.</param>
/// <param name="RegistrationLifeMs">Registration Life, signed, in milliseconds.</param>
/// <param name="UserTransport">Where PUs reach the PE.</param>
/// <param name="Policy">The PE's policy and policy values.</param>
/// <param name="AsapTransport">
/// The PE's ASAP endpoint: SCTP inside ENRP messages (RFC 5354 §3.10); TCP where the PE speaks ASAP over TCP and
/// listens for a takeover registrar (docs/protocol-notes.md §2), also in its ASAP Registration.
/// </param>
public sealed record PoolElement(
    uint Identifier,
    uint HomeServerIdentifier,
    int RegistrationLifeMs,
    TransportParameter UserTransport,
    PoolMemberSelectionPolicy Policy,
    TransportParameter? AsapTransport = null);
