using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Registrar;

/// <summary>
/// Pool actor → registrar: the pool holds no PE after processing <paramref name="ReceivedCount"/> routed messages.
/// The registrar stops the pool actor only if it routed exactly that many, so nothing in flight is lost.
/// </summary>
internal sealed record PoolIdle(PoolHandle PoolHandle, long ReceivedCount);
