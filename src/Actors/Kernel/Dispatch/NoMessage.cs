namespace RSerPool.Actors.Kernel.Dispatch;

/// <summary>Sentinel that closes the system lane of a terminated mailbox.</summary>
internal sealed class NoMessage : SystemMessage
{
}
