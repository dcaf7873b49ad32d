namespace RSerPool.Actors.Memory;

/// <summary>The periodic timer of <see cref="IdleMemoryTrimActor"/>.</summary>
internal sealed class MemoryCheckDue
{
    public static readonly MemoryCheckDue Instance = new();

    private MemoryCheckDue()
    {
    }
}
