namespace RSerPool.Actors.Kernel;

/// <summary>Completion replies (Akka.NET's <c>Status</c>): a <see cref="Failure"/> reply faults an ask.</summary>
public abstract class Status
{
    private Status()
    {
    }

    /// <summary>A successful completion, optionally with a value.</summary>
    public sealed class Success(object? status) : Status
    {
        public object? Status { get; } = status;

        public override string ToString() => $"Success: {Status}";
    }

    /// <summary>A failed completion.</summary>
    public sealed class Failure(Exception cause, object? state = null) : Status
    {
        public Exception Cause { get; } = cause;

        public object? State { get; } = state;

        public override string ToString() => $"Failure: {Cause.GetType().Name}: {Cause.Message}";
    }
}
