// Order of the key groups of a sorted-selection pool: by key (docs/protocol-notes.md §13 sorted selection).
namespace RSerPool.Actors.Handlespace.Policies;

internal readonly struct KeyGroupOrder : ITreapOrder<KeyGroup>
{
    public static ref KeyGroup? Left(KeyGroup entry) => ref entry.Left;

    public static ref KeyGroup? Right(KeyGroup entry) => ref entry.Right;

    public static ref KeyGroup? Parent(KeyGroup entry) => ref entry.Parent;

    public static int Compare(KeyGroup left, KeyGroup right) => left.Key.CompareTo(right.Key);

    public static uint Priority(KeyGroup entry) => entry.Priority;
}
