namespace RSerPool.Actors.Session;

/// <summary>
/// Internal: the connection actor of association <see cref="AssociationId"/> (the sender) tells the one-to-many PE
/// server where to route that association's messages and notifications.
/// </summary>
internal sealed record SctpSessionAttached(int AssociationId);
