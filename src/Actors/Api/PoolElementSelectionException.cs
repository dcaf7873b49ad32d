using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Api;

/// <summary>No PE could be given for a pool (services draft §4.4): unknown pool, all excluded, or no registrar answered.</summary>
public sealed class PoolElementSelectionException : RSerPoolException
{
    public PoolElementSelectionException(PoolHandle poolHandle, string reason, bool unknownPoolHandle)
        : base($"pool {poolHandle}: {reason}")
    {
        PoolHandle = poolHandle;
        UnknownPoolHandle = unknownPoolHandle;
    }

    public PoolHandle PoolHandle { get; }

    /// <summary>True when the registrar answered Unknown Pool Handle (RSPLIB REAI_NONAME).</summary>
    public bool UnknownPoolHandle { get; }
}
