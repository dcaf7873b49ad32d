// Order and link selector of an intrusive treap (over PE entries or key groups).
namespace RSerPool.Actors.Handlespace;

/// <summary>Says which links of a node a treap uses, how nodes compare and each node's heap priority.</summary>
internal interface ITreapOrder<TNode>
    where TNode : class
{
    static abstract ref TNode? Left(TNode entry);

    static abstract ref TNode? Right(TNode entry);

    static abstract ref TNode? Parent(TNode entry);

    static abstract int Compare(TNode left, TNode right);

    /// <summary>Must stay constant while the node is in the treap.</summary>
    static abstract uint Priority(TNode entry);
}
