namespace RSerPool.Actors.Transport;

/// <summary>Internal: the read loop found a frame that must be answered with an Error (the message was built off-actor).</summary>
internal sealed record AnswerFrame<TMessage>(TMessage Reply, string Cause)
    where TMessage : class;
