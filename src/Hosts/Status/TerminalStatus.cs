namespace RSerPool.Hosts.Status;

/// <summary>
/// What `rserpool terminal --status` serves at /status: the pool, whether its session has a PE (and which), the
/// requests sent and answered, and the failovers so far.
/// </summary>
public sealed record TerminalStatus(string Role, string Pool, string Session, string? PoolElement, long Sent, long Answered, int Failovers);
