namespace RSerPool.Actors;

/// <summary>An RSerPool operation failed (registration rejected or not answered, no registrar).</summary>
public class RSerPoolException : Exception
{
    public RSerPoolException()
    {
    }

    public RSerPoolException(string message)
        : base(message)
    {
    }

    public RSerPoolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
