namespace RSerPool.Actors.PoolElements;

/// <summary>Clean stop (asap.md §4.4): deregister at the home registrar, answer <see cref="PoolElementDeregistered"/>, then stop.</summary>
public sealed record DeregisterPoolElement
{
    public static DeregisterPoolElement Instance { get; } = new();
}
