namespace RSerPool.Actors.Kernel;

/// <summary>An ask got no reply within its timeout, or its target was already terminated.</summary>
public class AskTimeoutException(string message) : AkkaException(message);
