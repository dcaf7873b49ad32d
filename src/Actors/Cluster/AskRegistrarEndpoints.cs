namespace RSerPool.Actors.Cluster;

/// <summary><see cref="RegistrarDirectoryActor"/>'s timer: ask the members that have not answered yet again.</summary>
internal sealed class AskRegistrarEndpoints
{
    public static readonly AskRegistrarEndpoints Instance = new();
}
