// The selection policies a handlespace accepts, by policy code (docs/protocol-notes.md §13). A code not registered here is
// rejected at registration with cause 0x0005 (docs/protocol-notes.md §13).
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Handlespace.Policies;

/// <summary>Maps policy codes to policies. <see cref="Default"/> holds the 16 wire-usable codes of docs/protocol-notes.md §13.</summary>
public sealed class PolicyRegistry
{
    private readonly Dictionary<PolicyType, SelectionPolicy> _policies = [];

    public PolicyRegistry(IEnumerable<SelectionPolicy> policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        foreach (SelectionPolicy policy in policies)
        {
            _policies.Add(policy.Type, policy);
        }
    }

    /// <summary>All 16 policies usable on the wire (0xB0002004/5 are not: docs/protocol-notes.md §13).</summary>
    public static PolicyRegistry Default { get; } = new(
    [
        new RoundRobinPolicy(),
        new WeightedRoundRobinPolicy(),
        new RandomPolicy(),
        new WeightedRandomPolicy(),
        new PriorityPolicy(),
        new LeastUsedPolicy(),
        new LeastUsedWithDegradationPolicy(),
        new PriorityLeastUsedPolicy(),
        new RandomizedLeastUsedPolicy(),
        new RandomizedPriorityLeastUsedPolicy(),
        new RandomizedLeastUsedWithDegradationPolicy(),
        new PriorityLeastUsedWithDegradationPolicy(),
        new RandomizedPriorityLeastUsedWithDegradationPolicy(),
        new WeightedRandomWithDpfPolicy(),
        new LeastUsedWithDpfPolicy(),
        new LeastUsedWithDegradationAndDpfPolicy(),
    ]);

    public IEnumerable<SelectionPolicy> Policies => _policies.Values;

    public bool TryGet(PolicyType type, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SelectionPolicy? policy) =>
        _policies.TryGetValue(type, out policy);

    /// <summary>A copy of this registry with <paramref name="policy"/> added or replacing the one of its code.</summary>
    public PolicyRegistry With(SelectionPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var copy = new PolicyRegistry(_policies.Values);
        copy._policies[policy.Type] = policy;
        return copy;
    }
}
