namespace RSerPool.Actors.Kernel.Dispatch;

/// <summary>
/// A message of the priority lane (actor-kernel.md §3). Instances are linked intrusively through
/// <see cref="Next"/>, so one instance must never be sent to two actors.
/// </summary>
internal abstract class SystemMessage
{
    public SystemMessage? Next;
}
