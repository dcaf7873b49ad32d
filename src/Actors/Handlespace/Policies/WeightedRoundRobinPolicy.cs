// Weighted Round Robin 0x00000002 (RFC 5356 §4.2, docs/protocol-notes.md §13): in each round a PE with weight w is selected
// exactly w times. Key = the PE's round number; a PE leaves its round after w uses.
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Handlespace.Policies;

public sealed class WeightedRoundRobinPolicy : SortedSelectionPolicy
{
    public override PolicyType Type => PolicyType.WeightedRoundRobin;

    private static uint Weight(PoolElementEntry entry) => entry.Policy.Values[0];

    /// <summary>
    /// Weight 0: never part of a round, behind every PE that has one. Invariant kept by the three rules below:
    /// 1 ≤ RemainingInRound ≤ weight, or RemainingInRound = 0 exactly when the weight is 0; so the key needs no read of
    /// the policy values (a cold object when a round robin cycles through a large pool).
    /// </summary>
    protected internal override ulong ComputeKey(PoolElementEntry entry) => entry.RemainingInRound == 0 ? ulong.MaxValue : entry.Round;

    /// <summary>A new PE joins the current round (the round of the first PE in order).</summary>
    protected internal override void OnAdded(PoolElementEntry entry, PoolElementEntry? first)
    {
        entry.Round = first is not null && first.SelectionKey != ulong.MaxValue ? first.Round : 0;
        entry.RemainingInRound = Weight(entry);
    }

    /// <summary>Re-registration keeps the round; the selections left are capped by the new weight.</summary>
    protected internal override void OnUpdated(PoolElementEntry entry)
    {
        uint weight = Weight(entry);
        if (entry.RemainingInRound == 0 || entry.RemainingInRound > weight)
        {
            entry.RemainingInRound = weight;
        }
    }

    protected internal override void OnUsed(PoolElementEntry entry)
    {
        if (entry.RemainingInRound > 1)
        {
            // The weight is at least RemainingInRound (the invariant above): not 0, and the round goes on.
            entry.RemainingInRound--;
            return;
        }

        uint weight = Weight(entry);
        if (weight == 0)
        {
            return;
        }

        if (--entry.RemainingInRound == 0)
        {
            entry.Round++;
            entry.RemainingInRound = weight;
        }
    }
}
