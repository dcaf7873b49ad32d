using RSerPool.Actors.Kernel;

namespace RSerPool.Benchmarks.Kernel;

/// <summary>Keeps <c>InFlight</c> messages circulating to its pong until <c>RoundTrips</c> replies came back, then signals.</summary>
public sealed class PingActor(IActorRef pong, CountdownEvent done) : UntypedActor
{
    private static readonly object Ball = new();
    private int _toSend;
    private int _toReceive;

    protected override void OnReceive(object message)
    {
        if (ReferenceEquals(message, Ball))
        {
            if (_toSend > 0)
            {
                _toSend--;
                pong.Tell(Ball, Self);
            }

            if (--_toReceive == 0)
                done.Signal();
            return;
        }

        var start = (Start)message;
        _toReceive = start.RoundTrips;
        var first = Math.Min(start.InFlight, start.RoundTrips);
        _toSend = start.RoundTrips - first;
        for (var i = 0; i < first; i++)
            pong.Tell(Ball, Self);
    }

    /// <summary>Starts a round of <paramref name="RoundTrips"/> with <paramref name="InFlight"/> messages in flight.</summary>
    public sealed record Start(int RoundTrips, int InFlight);
}
