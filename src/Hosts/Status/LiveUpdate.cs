namespace RSerPool.Hosts.Status;

/// <summary>One server-sent event of /events: the registrar's status and the most recent changes, newest first.</summary>
public sealed record LiveUpdate(RegistrarStatus Status, IReadOnlyList<LiveEvent> Events);
