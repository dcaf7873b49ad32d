using Akka.Actor;
using RSerPool.Actors.Cluster;

namespace RSerPool.Hosts.Commands;

/// <summary><c>rserpool monitor --watch-pool</c>'s subscriber: prints the members and each change, and completes <paramref name="done"/> after <paramref name="limit"/> changes.</summary>
public sealed class PoolWatchPrinterActor : ReceiveActor
{
    private int _changes;

    public PoolWatchPrinterActor(TextWriter stdout, bool json, int limit, TaskCompletionSource done)
    {
        Receive<PoolMembers>(members =>
        {
            stdout.WriteLine(PoolWatchText.Render(members, json));
            stdout.Flush();
        });
        Receive<PoolChanged>(changed =>
        {
            stdout.WriteLine(PoolWatchText.Render(changed, json));
            stdout.Flush();
            if (++_changes >= limit)
            {
                done.TrySetResult();
            }
        });
    }

    public static Props Props(TextWriter stdout, bool json, int limit, TaskCompletionSource done) =>
        Akka.Actor.Props.Create(() => new PoolWatchPrinterActor(stdout, json, limit, done));
}
