namespace RSerPool.Actors.Kernel;

/// <summary>Base of the kernel's exceptions (Akka.NET's <c>AkkaException</c>).</summary>
public class AkkaException : Exception
{
    public AkkaException(string message, Exception? cause = null)
        : base(message, cause)
    {
    }
}
