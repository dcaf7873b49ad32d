namespace RSerPool.Actors.Kernel.Dispatch;

/// <summary>Stop processing user messages (counted; balanced by Resume) and suspend the children.</summary>
internal sealed class Suspend : SystemMessage
{
}
