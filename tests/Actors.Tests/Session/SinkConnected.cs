namespace RSerPool.Actors.Tests.Session;

internal sealed record SinkConnected(uint Identifier);
