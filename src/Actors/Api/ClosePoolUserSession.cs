namespace RSerPool.Actors.Api;

/// <summary>Told to a session: the PE closes it.</summary>
public sealed record ClosePoolUserSession : IRSerPoolMessage
{
    /// <summary>The only instance.</summary>
    public static ClosePoolUserSession Instance { get; } = new();
}
