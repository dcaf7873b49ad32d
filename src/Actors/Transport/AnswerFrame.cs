namespace RSerPool.Actors.Transport;

/// <summary>
/// Internal: the read loop found a frame that must be answered with an Error (the message was built off-actor).
/// <see cref="AfterRequests"/>: requests read before that frame, whose answers go out first (answers in request order).
/// </summary>
internal sealed record AnswerFrame<TMessage>(TMessage Reply, string Cause)
    where TMessage : class
{
    public long AfterRequests { get; init; }
}
