using RSerPool.Hosts.Status;

namespace RSerPool.Hosts.Commands.Terminal;

/// <summary>A terminal's counts as its status endpoint shows them (<see cref="TerminalStatus"/>); thread-safe.</summary>
public sealed class TerminalBoard(string pool)
{
    private long _sent;
    private long _answered;
    private int _failovers;
    private string? _poolElement;

    public void Sent() => Interlocked.Increment(ref _sent);

    public void Answered() => Interlocked.Increment(ref _answered);

    public void FailedOver(uint newIdentifier)
    {
        Interlocked.Increment(ref _failovers);
        Connected(newIdentifier);
    }

    public void Connected(uint identifier) => Volatile.Write(ref _poolElement, $"0x{identifier:x8}");

    /// <summary>The session has a PE: /ready answers 200.</summary>
    public bool IsConnected => Volatile.Read(ref _poolElement) is not null;

    public TerminalStatus Read() => new("terminal", pool, IsConnected ? "connected" : "looking for a PE", Volatile.Read(ref _poolElement),
        Interlocked.Read(ref _sent), Interlocked.Read(ref _answered), Volatile.Read(ref _failovers));
}
