namespace RSerPool.Actors.Transport;

/// <summary>
/// Command to a stream association actor from its handler: read nothing more from the peer for <paramref name="For"/>
/// (the peer is over a rate limit, docs/protocol-notes.md §9). What was read is still answered; TCP flow control then
/// holds the peer back, so a flooding client costs the registrar its allowed rate and not every CPU cycle it can take.
/// Associations that cannot pause one peer (a one-to-many SCTP socket) ignore it.
/// </summary>
public sealed record ThrottleReading(TimeSpan For);
