using System.Diagnostics;

namespace RSerPool.Benchmarks.Session;

/// <summary>Which PE answered, and when: lets the failover harness await "the next answer" and "the first answer from another PE".</summary>
public sealed class AnswerLog
{
    private readonly object _gate = new();
    private readonly List<(Func<uint, bool> Accepts, TaskCompletionSource<(uint Pe, long At)> Found)> _waiters = [];

    public void Record(uint poolElement)
    {
        long at = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            for (int i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Accepts(poolElement))
                {
                    _waiters[i].Found.TrySetResult((poolElement, at));
                    _waiters.RemoveAt(i);
                }
            }
        }
    }

    public async Task<uint> NextAnswerFromAnyAsync(TimeSpan timeout) => (await Wait(_ => true).WaitAsync(timeout)).Pe;

    public async Task<long> FirstAnswerNotFromAsync(uint poolElement, TimeSpan timeout) => (await Wait(pe => pe != poolElement).WaitAsync(timeout)).At;

    private Task<(uint Pe, long At)> Wait(Func<uint, bool> accepts)
    {
        var found = new TaskCompletionSource<(uint, long)>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiters.Add((accepts, found));
        }
        return found.Task;
    }
}
