namespace RSerPool.Actors.Tests.Session;

/// <summary>Makes the fake tell its handler <paramref name="Message"/> as if it came from the wire.</summary>
internal sealed record FakeDeliver(object Message);
