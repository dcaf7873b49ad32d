// ASAP_REGISTRATION_RESPONSE (0x03), RFC 5352 §2.2.3:
// H(0x03, R=0x01 rejected) [Pool Handle] [PE Identifier] [Operation Error] opt
using RSerPool.Wire.Parameters;

namespace RSerPool.Wire.Messages.Asap;

public sealed record AsapRegistrationResponse(
    PoolHandle PoolHandle,
    uint PoolElementIdentifier,
    bool Rejected = false,
    OperationError? Error = null) : AsapMessage
{
    /// <summary>Flag bit R (0x01).</summary>
    public const byte RejectedFlag = 0x01;

    public override AsapMessageType Type => AsapMessageType.RegistrationResponse;
}
