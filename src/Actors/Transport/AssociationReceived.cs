namespace RSerPool.Actors.Transport;

/// <summary>A decoded message from the peer, told to the handler with the association as sender.</summary>
public sealed record AssociationReceived<TMessage>(TMessage Message)
    where TMessage : class;
