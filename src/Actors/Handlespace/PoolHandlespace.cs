// The registrar's handlespace (RFC 5351 §1; RFC 5352 §3.1-§3.3; RFC 5353 §3.3; docs/protocol-notes.md §11): pools by handle, PEs by
// (pool handle, PE ID), ownership sets with checksums, association sets and the expiry index of ENRP copies.
// A plain single-threaded data structure: no actors, no clock (callers pass timestamps in their own unit).
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using RSerPool.Actors.Handlespace.Policies;
using RSerPool.Wire;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Handlespace;

public sealed partial class PoolHandlespace
{
    /// <summary>Expiry of entries that do not expire (PEs registered here; their actor supervises them).</summary>
    public const long NoExpiry = long.MaxValue;

    private readonly Dictionary<PoolHandle, Pool> _pools = [];
    private readonly List<Pool> _poolOrder = [];   // sorted by handle bytes (docs/protocol-notes.md §10 paging order)
    private readonly Dictionary<uint, OwnerSet> _owners = [];
    private readonly Dictionary<long, AssociationSet> _associations = [];
    private readonly Dictionary<PolicyType, PoolMemberSelectionPolicy> _sharedValuelessPolicies = [];
    private readonly SharingCache<PoolMemberSelectionPolicy> _sharedPolicies = new(8192);
    private readonly SharingCache<ValueArray<IPAddress>> _sharedAddresses = new(4096);
    private readonly SharingCache<TransportParameter> _sharedAsapTransports = new(1024);
    private readonly ExpiryHeap _expiry = new();
    private readonly PolicyRegistry _policies;
    private readonly Random _random;
    private Pool? _lastPool;
    private OwnerSet? _lastOwner;
    private PoolMemberSelectionPolicy? _lastShared;

    public PoolHandlespace(HandlespaceSettings? settings = null, PolicyRegistry? policies = null, Random? random = null)
    {
        Settings = settings ?? HandlespaceSettings.Default;
        _policies = policies ?? PolicyRegistry.Default;
        _random = random ?? new Random();
    }

    public HandlespaceSettings Settings { get; }

    public int PoolCount => _pools.Count;

    public int ElementCount { get; private set; }

    /// <summary>The pools in pool handle byte order.</summary>
    public IReadOnlyList<Pool> Pools => _poolOrder;

    public bool TryGetPool(PoolHandle poolHandle, [NotNullWhen(true)] out Pool? pool)
    {
        pool = FindPool(poolHandle);
        return pool is not null;
    }

    public bool TryGetElement(PoolHandle poolHandle, uint identifier, [NotNullWhen(true)] out PoolElementEntry? entry)
    {
        entry = null;
        return FindPool(poolHandle) is { } pool && pool.TryGetElement(identifier, out entry);
    }

    /// <summary>
    /// Registers or re-registers a PE (RFC 5352 §3.1), or inserts/refreshes an ENRP copy (RFC 5353 §3.3).
    /// </summary>
    /// <param name="poolHandle">The pool.</param>
    /// <param name="element">The PE parameter (its Home ID field is ignored: <paramref name="ownerId"/> is the owner).</param>
    /// <param name="ownerId">The home registrar: this registrar's ID for an ASAP registration, the Home ID for a copy.</param>
    /// <param name="associationId">The ASAP association the PE registered over; 0 for ENRP copies.</param>
    /// <param name="expiresAt">When a copy expires (now + Registration Life), or <see cref="NoExpiry"/>.</param>
    public RegistrationResult Register(PoolHandle poolHandle, PoolElement element, uint ownerId, long associationId, long expiresAt = NoExpiry)
    {
        ArgumentNullException.ThrowIfNull(element);
        if (Validate(poolHandle, element, associationId, out Pool? pool, out PoolElementEntry? entry, out SelectionPolicy? policy) is { } cause)
        {
            return RegistrationResult.Rejected(cause);
        }

        PoolMemberSelectionPolicy policyValues = SharePolicy(element.Policy, entry?.Policy);
        if (entry is not null)
        {
            uint previousOwner = entry.OwnerId;
            Apply(entry, element, policyValues, ownerId, associationId, expiresAt, isNew: false);
            entry.Degradation = 0;   // docs/protocol-notes.md §13: deg resets on re-registration
            pool!.Update(entry);
            return new RegistrationResult(RegistrationOutcome.Updated, entry, null, previousOwner);
        }

        if (pool is null)
        {
            int maxIncrement = Settings.MaxIncrement > 0 ? Settings.MaxIncrement : policy!.DefaultMaxIncrement;
            pool = new Pool(poolHandle, policy!, element.UserTransport.ParameterType, TransportUseOf(element.UserTransport), maxIncrement, _random);
            AddPool(pool);
        }

        entry = new PoolElementEntry(pool, element.Identifier) { IsRegistered = true };
        Apply(entry, element, policyValues, ownerId, associationId, expiresAt, isNew: true);
        pool.Add(entry);
        ElementCount++;
        return new RegistrationResult(RegistrationOutcome.Added, entry, null, ownerId);
    }

    /// <summary>
    /// Selects up to <c>destination.Length</c> PEs of the pool (RFC 5352 §3.3, docs/protocol-notes.md §13); false when the pool is
    /// unknown (answer with cause 0x0009).
    /// </summary>
    public bool TrySelect(PoolHandle poolHandle, Span<PoolElementEntry> destination, out int count)
    {
        if (FindPool(poolHandle) is { } pool)
        {
            count = pool.Select(destination);
            return true;
        }

        count = 0;
        return false;
    }

    // RFC 5352 §3.1, docs/protocol-notes.md §13: the checks of a registration, in RSPLIB's order where it has one.
    private ErrorCause? Validate(
        PoolHandle poolHandle,
        PoolElement element,
        long associationId,
        out Pool? pool,
        out PoolElementEntry? entry,
        out SelectionPolicy? policy)
    {
        pool = null;
        entry = null;
        policy = null;
        if (poolHandle.IsEmpty || poolHandle.Length > Settings.MaxPoolHandleLength)
        {
            return new ErrorCause(ErrorCauseCode.InvalidValues, OffendingParameter.PoolHandle(poolHandle));
        }

        if (element.Identifier == 0)
        {
            return ErrorCause.WithoutInformation(ErrorCauseCode.RsplibInvalidId);
        }

        pool = FindPool(poolHandle);
        if (pool is not null ? pool.PolicyType != element.Policy.Type : !_policies.TryGet(element.Policy.Type, out policy))
        {
            // An unknown policy type and one that differs from the pool's get the same cause (docs/protocol-notes.md §13, RFC 5352 §3.1).
            return new ErrorCause(ErrorCauseCode.InconsistentPoolingPolicy, OffendingParameter.Policy(element));
        }

        if (pool is not null)
        {
            policy = pool.Policy;

            if (pool.TransportType != element.UserTransport.ParameterType)
            {
                return new ErrorCause(ErrorCauseCode.InconsistentTransportType, OffendingParameter.UserTransport(element));
            }

            if (pool.TransportUse != TransportUseOf(element.UserTransport))
            {
                return ErrorCause.WithoutInformation(ErrorCauseCode.InconsistentDataControlConfiguration);
            }

            pool.TryGetElement(element.Identifier, out entry);
        }

        bool joinsAssociation = associationId != 0 && (entry is null || entry.AssociationId != associationId);
        bool lacksResources =
            (pool is null && _pools.Count >= Settings.MaxPools)
            || (entry is null && pool is not null && pool.Count >= Settings.MaxElementsPerPool)
            || (joinsAssociation && _associations.TryGetValue(associationId, out AssociationSet? set) && set.Count >= Settings.MaxElementsPerAssociation);
        return lacksResources ? ErrorCause.WithoutInformation(ErrorCauseCode.LackOfResources) : null;
    }

    private void Apply(PoolElementEntry entry, PoolElement element, PoolMemberSelectionPolicy policy, uint ownerId, long associationId, long expiresAt, bool isNew)
    {
        entry.RegistrationLifeMs = element.RegistrationLifeMs;
        entry.UserTransport = ShareUserTransport(element.UserTransport, entry.UserTransport);
        entry.Policy = policy;
        if (element.AsapTransport is { } asap)
        {
            entry.AsapTransport = asap.Equals(entry.AsapTransport) ? entry.AsapTransport : _sharedAsapTransports.Share(asap);
        }
        entry.IsMarked = false;
        if (isNew)
        {
            entry.OwnerId = ownerId;
            OwnerSetOf(ownerId).Add(entry);
            entry.AssociationId = associationId;
            JoinAssociation(entry);
        }
        else
        {
            ChangeOwner(entry, ownerId);
            if (entry.AssociationId != associationId)
            {
                LeaveAssociation(entry);
                entry.AssociationId = associationId;
                JoinAssociation(entry);
            }
        }

        SetExpiry(entry, expiresAt);
    }

    private OwnerSet OwnerSetOf(uint ownerId)
    {
        if (_lastOwner is { Count: > 0 } last && last.OwnerId == ownerId)
        {
            return last;
        }

        if (!_owners.TryGetValue(ownerId, out OwnerSet? owner))
        {
            owner = new OwnerSet(ownerId);
            _owners.Add(ownerId, owner);
        }

        _lastOwner = owner;
        return owner;
    }

    /// <summary>The pool of <paramref name="poolHandle"/>, or null; the last pool found is checked first.</summary>
    private Pool? FindPool(PoolHandle poolHandle)
    {
        if (_lastPool is { IsRegistered: true } last && last.Handle.Span.SequenceEqual(poolHandle.Span))
        {
            return last;
        }

        if (_pools.TryGetValue(poolHandle, out Pool? pool))
        {
            _lastPool = pool;
        }

        return pool;
    }

    private void ChangeOwner(PoolElementEntry entry, uint ownerId)
    {
        if (entry.OwnerId == ownerId)
        {
            return;
        }

        LeaveOwner(entry);
        entry.OwnerId = ownerId;
        OwnerSetOf(ownerId).Add(entry);
    }

    private void LeaveOwner(PoolElementEntry entry)
    {
        OwnerSet owner = _owners[entry.OwnerId];
        owner.Remove(entry);
        if (owner.Count == 0)
        {
            _owners.Remove(owner.OwnerId);
        }
    }

    private void JoinAssociation(PoolElementEntry entry)
    {
        if (entry.AssociationId == 0)
        {
            return;
        }

        if (!_associations.TryGetValue(entry.AssociationId, out AssociationSet? set))
        {
            set = new AssociationSet();
            _associations.Add(entry.AssociationId, set);
        }

        set.Add(entry);
    }

    private void LeaveAssociation(PoolElementEntry entry)
    {
        if (entry.AssociationId != 0 && _associations.TryGetValue(entry.AssociationId, out AssociationSet? set))
        {
            set.Remove(entry);
            if (set.Count == 0)
            {
                _associations.Remove(entry.AssociationId);
            }
        }
    }

    private void SetExpiry(PoolElementEntry entry, long expiresAt)
    {
        entry.ExpiresAt = expiresAt;
        if (expiresAt == NoExpiry)
        {
            _expiry.Remove(entry);
        }
        else
        {
            _expiry.Set(entry);
        }
    }

    /// <summary>
    /// One instance of equal policies (issue 14: bytes per PE): the entry's own when unchanged, one per type for
    /// valueless policies, else an earlier equal one from a bounded cache.
    /// </summary>
    private PoolMemberSelectionPolicy SharePolicy(PoolMemberSelectionPolicy policy, PoolMemberSelectionPolicy? current)
    {
        if (current is not null && (ReferenceEquals(current, policy) || current.Equals(policy)))
        {
            return current;
        }

        if (!policy.Values.IsEmpty || !policy.TrailingBytes.IsEmpty)
        {
            return _sharedPolicies.Share(policy);
        }

        if (_lastShared is { } last && last.Type == policy.Type)
        {
            return last;
        }

        if (!_sharedValuelessPolicies.TryGetValue(policy.Type, out PoolMemberSelectionPolicy? shared))
        {
            shared = policy;
            _sharedValuelessPolicies.Add(policy.Type, shared);
        }

        _lastShared = shared;
        return shared;
    }

    /// <summary>
    /// The entry's own transport when unchanged; else the transport with an address list shared with other PEs of the
    /// same host (issue 14: the list and its addresses are most of a decoded transport's bytes).
    /// </summary>
    private TransportParameter ShareUserTransport(TransportParameter transport, TransportParameter? current)
    {
        if (current is not null && (ReferenceEquals(current, transport) || current.Equals(transport)))
        {
            return current;
        }

        ValueArray<IPAddress> addresses = _sharedAddresses.Share(transport.Addresses);
        return SameArray(addresses, transport.Addresses) ? transport : transport with { Addresses = addresses };
    }

    private static bool SameArray(ValueArray<IPAddress> left, ValueArray<IPAddress> right) =>
        left.Count == right.Count && Unsafe.AreSame(ref MemoryMarshal.GetReference(left.AsSpan()), ref MemoryMarshal.GetReference(right.AsSpan()));

    private static TransportUse TransportUseOf(TransportParameter transport) => transport switch
    {
        SctpTransport sctp => sctp.TransportUse,
        TcpTransport tcp => tcp.TransportUse,
        _ => TransportUse.DataOnly,
    };

    private void AddPool(Pool pool)
    {
        _pools.Add(pool.Handle, pool);
        int index = FindPoolIndex(pool.Handle);
        _poolOrder.Insert(~index, pool);
    }

    /// <summary>Binary search in <see cref="_poolOrder"/>: the index, or the complement of the insertion point.</summary>
    private int FindPoolIndex(PoolHandle handle)
    {
        int low = 0;
        int high = _poolOrder.Count - 1;
        while (low <= high)
        {
            int middle = low + ((high - low) / 2);
            int comparison = _poolOrder[middle].Handle.Span.SequenceCompareTo(handle.Span);
            if (comparison == 0)
            {
                return middle;
            }

            if (comparison < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return ~low;
    }
}
