using System.Collections.Concurrent;
using RSerPool.Actors.Api;
using RSerPool.Actors.Session;

namespace RSerPool.Hosts.Services;

/// <summary>
/// Character generator (RFC 864 over a pool session): each message is answered with the next <see cref="LinesPerRequest"/>
/// lines of the rotating 72-character pattern of RFC 864 (a bounded answer, not an endless stream).
/// </summary>
public sealed class ChargenService : IPoolElementService
{
    public const int LineLength = 72;
    public const int LinesPerRequest = 1;
    private const int FirstCharacter = 0x20;
    private const int PrintableCount = 95;
    private readonly ConcurrentDictionary<long, int> _nextLine = new();

    /// <summary>Line <paramref name="index"/> of the pattern, without its line end.</summary>
    public static byte[] Line(int index)
    {
        var line = new byte[LineLength];
        for (int i = 0; i < LineLength; i++)
        {
            line[i] = (byte)(FirstCharacter + ((index + i) % PrintableCount));
        }
        return line;
    }

    public void OnSessionOpened(IPoolElementSessionContext session) => _nextLine[session.SessionId] = 0;

    public void OnMessage(IPoolElementSessionContext session, ReadOnlyMemory<byte> payload)
    {
        _nextLine.TryGetValue(session.SessionId, out int index);
        for (int i = 0; i < LinesPerRequest; i++)
        {
            session.Send(Line(index));
            index = (index + 1) % PrintableCount;
        }
        _nextLine[session.SessionId] = index;
    }

    public void OnSessionClosed(IPoolElementSessionContext session) => _nextLine.TryRemove(session.SessionId, out _);
}
