namespace RSerPool.Actors.Kernel;

/// <summary>An actor with an unbounded stash; the kernel sets <see cref="Stash"/> after construction, before <c>PreStart</c>.</summary>
public interface IWithUnboundedStash
{
    IStash Stash { get; set; }
}
