// ASAP_ENDPOINT_KEEP_ALIVE (0x07), RFC 5352 §2.2.7:
// H(0x07, H=0x01 home) {Server Identifier (32), fixed field} [Pool Handle] [PE Identifier] opt (RSPLIB)
using RSerPool.Wire.Parameters;

namespace RSerPool.Wire.Messages.Asap;

/// <param name="ServerIdentifier">The sending registrar's ID.</param>
/// <param name="PoolHandle">The PE's pool.</param>
/// <param name="PoolElementIdentifier">RSPLIB form: the PE being checked; null = RFC form (ack all own PEs of the pool).</param>
/// <param name="HomeFlag">Flag H (0x01): "I am (now) your home registrar".</param>
public sealed record AsapEndpointKeepAlive(
    uint ServerIdentifier,
    PoolHandle PoolHandle,
    uint? PoolElementIdentifier = null,
    bool HomeFlag = false) : AsapMessage
{
    /// <summary>Flag bit H (0x01).</summary>
    public const byte HomeFlagBit = 0x01;

    public override AsapMessageType Type => AsapMessageType.EndpointKeepAlive;
}
