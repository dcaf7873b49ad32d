namespace RSerPool.Actors.PoolElements;

/// <summary>Clean stop (RFC 5352 §3.2): deregister at the home registrar, answer <see cref="PoolElementDeregistered"/>, then stop.</summary>
public sealed record DeregisterPoolElement
{
    public static DeregisterPoolElement Instance { get; } = new();
}
