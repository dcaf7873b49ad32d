// Failures of a PoolSession (services draft §3.3).
namespace RSerPool.Actors.Session;

/// <summary>A session operation failed: no PE could be reached, a buffer limit was hit, or a send bound to a PE could not be kept.</summary>
public sealed class PoolSessionException : Exception
{
    public PoolSessionException()
    {
    }

    public PoolSessionException(string message)
        : base(message)
    {
    }

    public PoolSessionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
