namespace RSerPool.Actors.Kernel;

/// <summary>A cancel handle that can be passed to several schedules and cancels them all (Akka.NET's <c>Cancelable</c>).</summary>
public sealed class Cancelable : ICancelable, IDisposable
{
    private readonly CancellationTokenSource _source = new();

    public bool IsCancellationRequested => _source.IsCancellationRequested;

    /// <summary>Cancelled when <see cref="Cancel"/> is called.</summary>
    public CancellationToken Token => _source.Token;

    public void Cancel() => _source.Cancel();

    public void Dispose() => _source.Dispose();
}
