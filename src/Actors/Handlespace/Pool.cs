// A pool (RFC 5351 terms, RFC 5352 §3.1): one policy type, one user-transport protocol and one Transport Use,
// fixed by its first PE; it disappears with its last PE.
using System.Diagnostics.CodeAnalysis;
using RSerPool.Actors.Handlespace.Policies;
using RSerPool.Wire;
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Handlespace;

public sealed class Pool
{
    private readonly Dictionary<uint, PoolElementEntry> _byIdentifier = [];
    private readonly IntrusiveTreap<PoolElementEntry, IdentifierOrder> _identifierOrder = new();
    private readonly PoolSelector _selector;
    private readonly uint _handlePartialSum;

    internal Pool(PoolHandle handle, SelectionPolicy policy, ParameterType transportType, TransportUse transportUse, int maxIncrement, Random random)
    {
        Handle = handle;
        Policy = policy;
        TransportType = transportType;
        TransportUse = transportUse;
        MaxIncrement = maxIncrement;
        _selector = policy.CreateSelector(random);
        _handlePartialSum = PeChecksum.PartialSum(handle.Span, 0);
    }

    public PoolHandle Handle { get; }

    public SelectionPolicy Policy { get; }

    public PolicyType PolicyType => Policy.Type;

    /// <summary>The user-transport parameter type all PEs of this pool use (SCTP, TCP, UDP, ...).</summary>
    public ParameterType TransportType { get; }

    /// <summary>The control-channel setting of the pool (DATA ONLY for transports without the field).</summary>
    public TransportUse TransportUse { get; }

    /// <summary>How many selected PEs count as used per selection (docs/protocol-notes.md §13).</summary>
    public int MaxIncrement { get; }

    public int Count => _byIdentifier.Count;

    /// <summary>False once the pool lost its last PE and left the handlespace.</summary>
    public bool IsRegistered { get; internal set; } = true;

    /// <summary>The PEs in PE identifier order.</summary>
    public IEnumerable<PoolElementEntry> Elements
    {
        get
        {
            for (PoolElementEntry? entry = _identifierOrder.First; entry is not null; entry = IntrusiveTreap<PoolElementEntry, IdentifierOrder>.Next(entry))
            {
                yield return entry;
            }
        }
    }

    public bool TryGetElement(uint identifier, [NotNullWhen(true)] out PoolElementEntry? entry) =>
        _byIdentifier.TryGetValue(identifier, out entry);

    /// <summary>
    /// Selects up to <c>destination.Length</c> distinct PEs with the pool's policy (docs/protocol-notes.md §13) and updates the
    /// policy state of the first <see cref="MaxIncrement"/> of them. Returns the number selected. O(k log n), no allocation.
    /// </summary>
    public int Select(Span<PoolElementEntry> destination) => _selector.Select(destination, MaxIncrement);

    /// <summary>As <see cref="Select(Span{PoolElementEntry})"/> with an explicit MaxIncrement (e.g. unlimited for a PU cache).</summary>
    public int Select(Span<PoolElementEntry> destination, int maxIncrement) => _selector.Select(destination, maxIncrement);

    internal uint ChecksumPartialSum(uint identifier) => unchecked(_handlePartialSum + (identifier >> 16) + (identifier & 0xFFFF));

    internal void Add(PoolElementEntry entry)
    {
        _byIdentifier.Add(entry.Identifier, entry);
        _identifierOrder.Insert(entry);
        _selector.Add(entry);
    }

    internal void Remove(PoolElementEntry entry)
    {
        _byIdentifier.Remove(entry.Identifier);
        _identifierOrder.Remove(entry);
        _selector.Remove(entry);
    }

    internal void Update(PoolElementEntry entry) => _selector.Update(entry);

    /// <summary>The first PE with an identifier greater than <paramref name="identifier"/>, or null.</summary>
    internal PoolElementEntry? FirstAfter(uint identifier) =>
        _identifierOrder.FirstWhere(identifier, static (id, entry) => entry.Identifier > id);

    internal PoolElementEntry? FirstByIdentifier => _identifierOrder.First;

    /// <summary>The policy's selection structure (tests inspect its shape).</summary>
    internal PoolSelector Selector => _selector;

    public override string ToString() => $"{Handle} ({PolicyType}, {Count} PEs)";
}
