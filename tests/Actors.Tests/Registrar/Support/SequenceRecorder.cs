using Akka.Actor;

namespace RSerPool.Actors.Tests.Registrar.Support;

/// <summary>
/// Takes <c>(sender, index)</c> pairs and checks that each sender's indexes come 0, 1, 2, ...; tells
/// <c>target</c> the count once <c>expected</c> pairs arrived, or the first pair out of order.
/// </summary>
internal sealed class SequenceRecorder : UntypedActor
{
    private readonly Dictionary<int, int> _next = [];
    private readonly IActorRef _target;
    private readonly int _expected;
    private int _received;

    public SequenceRecorder(IActorRef target, int expected)
    {
        _target = target;
        _expected = expected;
    }

    protected override void OnReceive(object message)
    {
        if (message is not ValueTuple<int, int> pair)
        {
            Unhandled(message);
            return;
        }

        (int sender, int index) = pair;
        int next = _next.GetValueOrDefault(sender);
        if (index != next)
        {
            _target.Tell($"sender {sender}: {index} arrived, {next} expected");
            return;
        }

        _next[sender] = next + 1;
        if (++_received == _expected)
        {
            _target.Tell(_received);
        }
    }
}
