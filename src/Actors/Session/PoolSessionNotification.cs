// Session events for the application (rsp_notify of the sockets API draft).
using RSerPool.Wire.Messages.Asap;

namespace RSerPool.Actors.Session;

/// <param name="Kind">What happened.</param>
/// <param name="PoolElementIdentifier">The PE concerned, 0 when none.</param>
/// <param name="Reason">Why, for failures and close.</param>
/// <param name="BusinessCard">For <see cref="PoolSessionNotificationKind.BusinessCardReceived"/>.</param>
public sealed record PoolSessionNotification(
    PoolSessionNotificationKind Kind,
    uint PoolElementIdentifier,
    string? Reason = null,
    AsapBusinessCard? BusinessCard = null) : IRSerPoolMessage;
