using System.Collections.Concurrent;
using System.Diagnostics;
using Akka.Actor;
using RSerPool.Actors.Cluster;

namespace RSerPool.Benchmarks.Cluster;

/// <summary>A watch subscriber that notes when each PE's first "added" <see cref="PoolChanged"/> arrives, and signals it (and the <see cref="PoolMembers"/>).</summary>
public sealed class ArrivalRecorder : ReceiveActor
{
    public ArrivalRecorder(ConcurrentDictionary<uint, long> arrivals, SemaphoreSlim signal)
    {
        Receive<PoolMembers>(_ => signal.Release());
        Receive<PoolChanged>(changed =>
        {
            if (changed.Kind == PoolChangeKind.Added && arrivals.TryAdd(changed.Element.Identifier, Stopwatch.GetTimestamp()))
            {
                signal.Release();
            }
        });
    }
}
