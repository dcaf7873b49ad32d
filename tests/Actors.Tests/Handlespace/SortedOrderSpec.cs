// The sorted-selection order under churn (docs/protocol-notes.md §13 "sorted selection"): after random registrations,
// re-registrations, removals and selections, a selection of k PEs always returns the first k by (key, seq),
// checked against a model that keeps keys and sequence numbers in plain lists.
using RSerPool.Actors.Handlespace;
using Xunit;
using static RSerPool.Actors.Tests.Handlespace.Support.Elements;
using Policy = RSerPool.Wire.Parameters.PoolMemberSelectionPolicy;

namespace RSerPool.Actors.Tests.Handlespace;

public sealed class SortedOrderSpec
{
    [Fact]
    public void Least_used_selection_matches_a_model_under_random_churn()
    {
        var random = new Random(77);
        var handlespace = new PoolHandlespace(random: new Random(1));
        var model = new Dictionary<uint, (uint Load, long Seq)>();
        long sequence = 0;
        for (int step = 0; step < 4000; step++)
        {
            uint id = (uint)random.Next(1, 300);
            int action = random.Next(10);
            if (action < 4)
            {
                uint load = (uint)random.Next(0, 8);   // few distinct loads: many ties broken by seq
                handlespace.Register(Handle, Pe(id, Policy.LeastUsed(load)), OwnRegistrar, 1);
                model[id] = (load, model.TryGetValue(id, out var old) ? old.Seq : ++sequence);
            }
            else if (action < 6)
            {
                handlespace.Remove(Handle, id);
                model.Remove(id);
            }
            else if (model.Count > 0)
            {
                int items = random.Next(1, 5);
                uint[] expected = model.OrderBy(kv => kv.Value.Load).ThenBy(kv => kv.Value.Seq).Take(items).Select(kv => kv.Key).ToArray();
                Assert.Equal(expected, Select(handlespace, items));
                model[expected[0]] = (model[expected[0]].Load, ++sequence);
            }
        }
    }

    [Fact]
    public void Least_used_with_degradation_matches_a_model_under_random_churn()
    {
        // Keys change on every use (deg grows) and on re-registration (deg resets, seq kept): PEs move between key
        // groups both ways, with fresh and with old sequence numbers.
        const uint Degradation = 3;
        var random = new Random(78);
        var handlespace = new PoolHandlespace(random: new Random(1));
        var model = new Dictionary<uint, (uint Load, ulong Deg, long Seq)>();
        long sequence = 0;
        for (int step = 0; step < 6000; step++)
        {
            uint id = (uint)random.Next(1, 200);
            int action = random.Next(10);
            if (action < 4)
            {
                uint load = (uint)random.Next(0, 10);
                handlespace.Register(Handle, Pe(id, Policy.LeastUsedWithDegradation(load, Degradation)), OwnRegistrar, 1);
                model[id] = (load, 0, model.TryGetValue(id, out var old) ? old.Seq : ++sequence);
            }
            else if (action < 5)
            {
                handlespace.Remove(Handle, id);
                model.Remove(id);
            }
            else if (model.Count > 0)
            {
                int items = random.Next(1, 5);
                uint[] expected = model.OrderBy(kv => kv.Value.Load + kv.Value.Deg).ThenBy(kv => kv.Value.Seq).Take(items).Select(kv => kv.Key).ToArray();
                Assert.Equal(expected, Select(handlespace, items));
                var used = model[expected[0]];
                model[expected[0]] = (used.Load, used.Deg + Degradation, ++sequence);
            }
        }
    }

    [Fact]
    public void Weighted_round_robin_matches_a_model_under_random_churn()
    {
        // RFC 5356 §4.2 rules as docs/protocol-notes.md §13 states them, weights 0..3 (0 = never in a round) changing on
        // re-registration: key = weight 0 ? max : round; a use takes one of the round's selections.
        var random = new Random(79);
        var handlespace = new PoolHandlespace(random: new Random(1));
        var model = new Dictionary<uint, (uint Weight, ulong Round, uint Left, long Seq)>();
        long sequence = 0;
        ulong Key((uint Weight, ulong Round, uint Left, long Seq) pe) => pe.Weight == 0 ? ulong.MaxValue : pe.Round;
        for (int step = 0; step < 6000; step++)
        {
            uint id = (uint)random.Next(1, 100);
            int action = random.Next(10);
            if (action < 3)
            {
                uint weight = (uint)random.Next(0, 4);
                handlespace.Register(Handle, Pe(id, Policy.WeightedRoundRobin(weight)), OwnRegistrar, 1);
                if (model.TryGetValue(id, out var old))
                {
                    model[id] = (weight, old.Round, old.Left == 0 || old.Left > weight ? weight : old.Left, old.Seq);
                }
                else
                {
                    var first = model.Values.OrderBy(Key).ThenBy(pe => pe.Seq).Select(pe => ((uint Weight, ulong Round, uint Left, long Seq)?)pe).FirstOrDefault();
                    ulong round = first is { } f && Key(f) != ulong.MaxValue ? f.Round : 0;
                    model[id] = (weight, round, weight, ++sequence);
                }
            }
            else if (action < 4)
            {
                handlespace.Remove(Handle, id);
                model.Remove(id);
            }
            else if (model.Count > 0)
            {
                int items = random.Next(1, 4);
                uint[] expected = model.OrderBy(kv => Key(kv.Value)).ThenBy(kv => kv.Value.Seq).Take(items).Select(kv => kv.Key).ToArray();
                Assert.Equal(expected, Select(handlespace, items));
                var used = model[expected[0]];
                if (used.Weight > 0 && --used.Left == 0)
                {
                    used.Round++;
                    used.Left = used.Weight;
                }

                model[expected[0]] = used with { Seq = ++sequence };
            }
        }
    }
}
