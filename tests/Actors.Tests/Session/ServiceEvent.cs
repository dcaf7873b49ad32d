namespace RSerPool.Actors.Tests.Session;

/// <summary>One call of a <see cref="RecordingEchoService"/>.</summary>
internal sealed record ServiceEvent(string Service, string Call, string Text);
