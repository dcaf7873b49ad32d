namespace RSerPool.Actors.Api;

/// <summary>
/// Told to a pool-user session actor (<see cref="RSerPoolExtension.OpenSessionAsync"/>): sends <paramref name="Payload"/>
/// to the current PE (rsp_sendmsg). The owner gets <see cref="PoolSessionSent"/> when it went out (and, with
/// <paramref name="AckRequested"/>, was acknowledged by the PE), or <see cref="PoolSessionSendFailed"/>; both carry
/// <paramref name="Tag"/>.
/// </summary>
public sealed record SendToPool(byte[] Payload, bool AckRequested = true, bool FailoverAllowed = true, object? Tag = null) : IRSerPoolMessage
{
    /// <inheritdoc />
    public override string ToString() => $"SendToPool {{ Length = {Payload.Length}, AckRequested = {AckRequested}, FailoverAllowed = {FailoverAllowed}, Tag = {Tag} }}";
}
