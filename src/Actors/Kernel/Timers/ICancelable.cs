namespace RSerPool.Actors.Kernel;

/// <summary>A handle that cancels a scheduled delivery (Akka.NET's <c>ICancelable</c>).</summary>
public interface ICancelable
{
    /// <summary>True once <see cref="Cancel"/> was called.</summary>
    bool IsCancellationRequested { get; }

    /// <summary>Cancels; nothing is delivered by this schedule afterwards (a message already in a mailbox stays there).</summary>
    void Cancel();
}
