namespace RSerPool.Actors.Tests.Session;

internal sealed record SinkClosed(Exception? Error);
