using Akka.Actor;
using RSerPool.Actors.PoolUser;
using RSerPool.Wire.Parameters;

namespace RSerPool.Benchmarks.Session;

/// <summary>A resolver that always selects the one PE it was given: the throughput harness measures the data path only.</summary>
public sealed class FixedResolverActor : ReceiveActor
{
    public FixedResolverActor(PoolElement element)
    {
        Receive<SelectPoolElement>(select => Sender.Tell(new PoolElementSelected(select.Handle, element)));
        Receive<ReportPoolElementUnreachable>(_ => { });
    }

    public static Props Props(PoolElement element) => global::Akka.Actor.Props.Create(() => new FixedResolverActor(element));
}
