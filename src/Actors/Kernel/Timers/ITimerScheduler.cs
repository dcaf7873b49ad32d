namespace RSerPool.Actors.Kernel;

/// <summary>
/// Keyed timers owned by one actor (Akka.NET's <c>ITimerScheduler</c>, actor-kernel.md §6). Starting a key again replaces
/// the old timer; after <see cref="Cancel"/>, <see cref="CancelAll"/>, a restart or a stop, no message of the cancelled timer
/// is delivered, even one already in the mailbox. Use only from the owning actor.
/// </summary>
public interface ITimerScheduler
{
    /// <summary>Sends <paramref name="msg"/> to self every <paramref name="interval"/>, first after one interval.</summary>
    void StartPeriodicTimer(object key, object msg, TimeSpan interval);

    /// <summary>Sends <paramref name="msg"/> to self after <paramref name="initialDelay"/>, then every <paramref name="interval"/>.</summary>
    void StartPeriodicTimer(object key, object msg, TimeSpan initialDelay, TimeSpan interval);

    /// <summary>Sends <paramref name="msg"/> to self once after <paramref name="timeout"/>.</summary>
    void StartSingleTimer(object key, object msg, TimeSpan timeout);

    /// <summary>True while the timer is pending (a single timer stops being active when delivered).</summary>
    bool IsTimerActive(object key);

    /// <summary>Cancels the timer with this key, if any.</summary>
    void Cancel(object key);

    /// <summary>Cancels every timer of this actor.</summary>
    void CancelAll();
}
