// ASAP_HANDLE_RESOLUTION_RESPONSE (0x06), RFC 5352 §2.2.6:
// success: H(0x06, 0) [Pool Handle] [Policy] [Pool Element] x N
// failure: H(0x06, 0) [Pool Handle] [Operation Error]
using RSerPool.Wire.Parameters;

namespace RSerPool.Wire.Messages.Asap;

/// <param name="PoolHandle">The resolved pool.</param>
/// <param name="Policy">The pool's overall policy (always sent in the success form; RSPLIB requires it).</param>
/// <param name="PoolElements">The selected PEs in selection order.</param>
/// <param name="Error">Present in the failure form (cause 0x0009 Unknown Pool Handle).</param>
public sealed record AsapHandleResolutionResponse(
    PoolHandle PoolHandle,
    PoolMemberSelectionPolicy? Policy,
    ValueArray<PoolElement> PoolElements,
    OperationError? Error = null) : AsapMessage
{
    public override AsapMessageType Type => AsapMessageType.HandleResolutionResponse;

    /// <summary>The failure form: handle + Operation Error.</summary>
    public static AsapHandleResolutionResponse Failure(PoolHandle poolHandle, OperationError error) =>
        new(poolHandle, null, default, error);
}
