namespace RSerPool.Actors.Kernel.Dispatch;

/// <summary>Construct the actor, then PreStart.</summary>
internal sealed class Create : SystemMessage
{
}
