// Order of PEs inside a pool by PE identifier (docs/protocol-notes.md §10: handle table chunks ordered by pool handle and PE ID).
namespace RSerPool.Actors.Handlespace;

internal readonly struct IdentifierOrder : ITreapOrder<PoolElementEntry>
{
    public static ref PoolElementEntry? Left(PoolElementEntry entry) => ref entry.IdentifierLinks.Left;

    public static ref PoolElementEntry? Right(PoolElementEntry entry) => ref entry.IdentifierLinks.Right;

    public static ref PoolElementEntry? Parent(PoolElementEntry entry) => ref entry.IdentifierLinks.Parent;

    public static int Compare(PoolElementEntry left, PoolElementEntry right) => left.Identifier.CompareTo(right.Identifier);

    public static uint Priority(PoolElementEntry entry) => TreapPriority.Mix(entry.Identifier);
}
