using RSerPool.Actors.Kernel;
using RSerPool.Actors.Kernel.Dispatch;

namespace RSerPool.Benchmarks.Kernel;

/// <summary>
/// Retained memory per idle actor (actor-kernel.md §12 target: at most 600 B): the <see cref="GC.GetTotalMemory"/> delta
/// after creating <c>count</c> actors under one parent and running their creation to completion, divided by <c>count</c>.
/// Measured twice: actors that never received a message, and actors that processed one message (their user queue exists).
/// </summary>
public static class IdleActorMemoryHarness
{
    /// <summary>Bytes per actor, never messaged and after one message.</summary>
    public static (double NeverMessaged, double AfterOneMessage) Measure(int count = 100_000)
    {
        var dispatcher = new ManualDispatcher();
        var system = ActorSystem.Create("idle", new ActorSystemSettings { Dispatcher = dispatcher, Logger = Serilog.Core.Logger.None });
        dispatcher.RunUntilIdle();
        var props = Props.Create<IdleActor>();
        var actors = new IActorRef[count];

        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 0; i < count; i++)
            actors[i] = system.ActorOf(props);
        dispatcher.RunUntilIdle();
        var created = GC.GetTotalMemory(forceFullCollection: true);

        foreach (var actor in actors)
            actor.Tell(0, ActorRefs.NoSender);
        dispatcher.RunUntilIdle();
        var messaged = GC.GetTotalMemory(forceFullCollection: true);

        GC.KeepAlive(actors);
        system.Terminate();
        dispatcher.RunUntilIdle();
        // The refs array itself (8 B per actor) is part of the delta; subtract it so only the actors count.
        var arrayBytes = (double)count * IntPtr.Size;
        return ((created - before - arrayBytes) / count, (messaged - before - arrayBytes) / count);
    }

    /// <summary>Prints the measurement; run through the command in docs/bench-kernel.md.</summary>
    public static void Run(int count = 100_000)
    {
        var (never, once) = Measure(count);
        Console.WriteLine($"idle actors: {count}; bytes/actor never messaged: {never:F0}; after one message: {once:F0}");
    }
}
