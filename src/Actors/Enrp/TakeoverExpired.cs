// docs/protocol-notes.md §10: the takeover expiry timer fired.
namespace RSerPool.Actors.Enrp;

/// <summary>Timer message: the takeover of <paramref name="TargetId"/> got no complete set of acknowledgements in time.</summary>
internal sealed record TakeoverExpired(uint TargetId);
