namespace RSerPool.Actors.Transport;

/// <summary>
/// Lets a read loop wait until its association may read again (backpressure): the loop checks its condition and
/// awaits <see cref="WaitAsync"/>; whoever changes what the condition reads (with an interlocked operation, a full fence) then calls <see cref="Pulse"/>. A pulse only
/// costs an allocation while the loop waits.
/// </summary>
internal sealed class ReadGate
{
    private TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _waiting;

    /// <summary>Waits until <paramref name="canRead"/> holds (re-checked after every pulse).</summary>
    public async ValueTask WaitUntilAsync(Func<bool> canRead, CancellationToken cancel)
    {
        while (!canRead())
        {
            var signal = Volatile.Read(ref _signal).Task;
            Interlocked.Exchange(ref _waiting, 1);              // a full fence: the check below sees every change made before a pulse
            if (canRead())
            {
                break;
            }
            await signal.WaitAsync(cancel).ConfigureAwait(false);
        }
        Volatile.Write(ref _waiting, 0);
    }

    /// <summary>Wakes the waiting loop, if any, to re-check its condition.</summary>
    public void Pulse()
    {
        if (Volatile.Read(ref _waiting) == 0)
        {
            return;
        }
        var previous = Interlocked.Exchange(ref _signal, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        previous.TrySetResult();
    }
}
