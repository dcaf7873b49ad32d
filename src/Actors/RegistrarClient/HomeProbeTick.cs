namespace RSerPool.Actors.RegistrarClient;

/// <summary>Internal timer of <see cref="RegistrarClientActor"/>: check whether the registrar in use has gone silent.</summary>
internal sealed class HomeProbeTick
{
    public static HomeProbeTick Instance { get; } = new();

    private HomeProbeTick()
    {
    }
}
