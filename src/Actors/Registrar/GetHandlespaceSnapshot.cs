namespace RSerPool.Actors.Registrar;

/// <summary>Query for tests and monitoring: the registrar answers the sender with a <see cref="HandlespaceSnapshot"/>.</summary>
public sealed class GetHandlespaceSnapshot : IRSerPoolMessage
{
    public static GetHandlespaceSnapshot Instance { get; } = new();

    private GetHandlespaceSnapshot()
    {
    }
}
