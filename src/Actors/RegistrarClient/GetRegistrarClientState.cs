namespace RSerPool.Actors.RegistrarClient;

/// <summary>Asks the registrar client for a <see cref="RegistrarClientState"/> (diagnostics and tests).</summary>
public sealed record GetRegistrarClientState : IRSerPoolMessage
{
    public static GetRegistrarClientState Instance { get; } = new();
}
