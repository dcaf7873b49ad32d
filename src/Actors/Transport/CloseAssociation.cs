namespace RSerPool.Actors.Transport;

/// <summary>Command to an association actor: close the socket and stop. Watchers get Terminated.</summary>
public sealed record CloseAssociation(string Reason)
{
    public static CloseAssociation Requested { get; } = new("closed by the local side");
}
