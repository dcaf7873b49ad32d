namespace RSerPool.Actors.Registrar;

/// <summary>
/// Pool actor → PE registration actor: this registrar was taken over while it was silent, and the PE's association
/// here looks live. Ask the PE with a Keep Alive (H=1) whether it still has its home here; the Ack confirms it
/// (<see cref="HomeConfirmed"/>), a lost association or no Ack hands it to the taker (docs/protocol-notes.md §11 rule 6).
/// </summary>
internal sealed class ConfirmHome
{
    public static readonly ConfirmHome Instance = new();

    private ConfirmHome()
    {
    }
}
