namespace RSerPool.Actors.RegistrarClient;

/// <summary>Internal timer: start the next hunt round.</summary>
internal sealed record HuntAgain
{
    public static HuntAgain Instance { get; } = new();
}
