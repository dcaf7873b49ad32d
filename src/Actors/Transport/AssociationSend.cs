namespace RSerPool.Actors.Transport;

/// <summary>Command to an association actor: encode and send one message (one message per send, docs/protocol-notes.md §2).</summary>
public sealed record AssociationSend<TMessage>(TMessage Message)
    where TMessage : class;
