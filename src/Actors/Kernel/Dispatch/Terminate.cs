namespace RSerPool.Actors.Kernel.Dispatch;

/// <summary>Stop the actor: children first, then PostStop, then notify parent and watchers.</summary>
internal sealed class Terminate : SystemMessage
{
}
