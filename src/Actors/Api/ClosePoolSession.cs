namespace RSerPool.Actors.Api;

/// <summary>Told to a pool-user session actor: close the session (rsp_close); the owner then gets <see cref="PoolSessionClosed"/>.</summary>
public sealed record ClosePoolSession : IRSerPoolMessage
{
    /// <summary>The only instance.</summary>
    public static ClosePoolSession Instance { get; } = new();
}
