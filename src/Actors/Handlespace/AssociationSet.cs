// The PEs registered over one ASAP association (docs/protocol-notes.md §9: removed together when it fails).
namespace RSerPool.Actors.Handlespace;

/// <summary>An intrusive doubly linked list of the entries registered over one association.</summary>
internal sealed class AssociationSet
{
    public PoolElementEntry? Head { get; private set; }

    public int Count { get; private set; }

    public void Add(PoolElementEntry entry)
    {
        entry.AssociationPrevious = null;
        entry.AssociationNext = Head;
        if (Head is not null)
        {
            Head.AssociationPrevious = entry;
        }

        Head = entry;
        Count++;
    }

    public void Remove(PoolElementEntry entry)
    {
        if (entry.AssociationPrevious is null)
        {
            Head = entry.AssociationNext;
        }
        else
        {
            entry.AssociationPrevious.AssociationNext = entry.AssociationNext;
        }

        if (entry.AssociationNext is not null)
        {
            entry.AssociationNext.AssociationPrevious = entry.AssociationPrevious;
        }

        entry.AssociationPrevious = null;
        entry.AssociationNext = null;
        Count--;
    }
}
