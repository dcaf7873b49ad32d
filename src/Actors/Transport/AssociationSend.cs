namespace RSerPool.Actors.Transport;

/// <summary>Command to an association actor: encode and send one message (one message per send, spec/README.md §2.5).</summary>
public sealed record AssociationSend<TMessage>(TMessage Message)
    where TMessage : class;
