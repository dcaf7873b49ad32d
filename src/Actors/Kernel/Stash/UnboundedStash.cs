namespace RSerPool.Actors.Kernel;

/// <summary>The stash of one actor cell.</summary>
internal sealed class UnboundedStash(ActorCell cell) : IStash
{
    public int Count => cell.StashCount;

    public void Stash() => cell.StashCurrent();

    public void Unstash() => cell.Unstash();

    public void UnstashAll() => cell.UnstashAll();
}
