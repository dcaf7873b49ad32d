using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Text;
using RSerPool.Actors.Api;
using RSerPool.Actors.Session;

namespace RSerPool.Hosts.Services;

/// <summary>
/// Ping-pong with a counter that survives failover: each message is answered with <c>pong N: text</c>, N counting the
/// session's messages; after each answer the PE sends a state cookie (RFC 5352 §2.2.11) holding N, and a PE that gets
/// that cookie echoed after a failover (§2.2.11) goes on counting from it.
/// </summary>
public sealed class PingPongService : IPoolElementService
{
    private static readonly byte[] CookiePrefix = "pingpong:"u8.ToArray();
    private readonly ConcurrentDictionary<long, ulong> _counters = new();

    /// <summary>The cookie holding counter <paramref name="count"/>.</summary>
    public static byte[] EncodeCookie(ulong count) => [.. CookiePrefix, .. Encoding.ASCII.GetBytes(count.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>The counter a cookie holds, or false for a cookie that is not ours (ignored, never trusted further).</summary>
    public static bool TryDecodeCookie(ReadOnlySpan<byte> cookie, out ulong count)
    {
        count = 0;
        return cookie.StartsWith(CookiePrefix)
            && Utf8Parser.TryParse(cookie[CookiePrefix.Length..], out count, out int consumed)
            && consumed == cookie.Length - CookiePrefix.Length;
    }

    public void OnSessionOpened(IPoolElementSessionContext session) => _counters[session.SessionId] = 0;

    public void OnMessage(IPoolElementSessionContext session, ReadOnlyMemory<byte> payload)
    {
        ulong count = _counters.AddOrUpdate(session.SessionId, 1, (_, previous) => previous + 1);
        var answer = Encoding.UTF8.GetBytes($"pong {count}: {Encoding.UTF8.GetString(payload.Span)}");
        session.Send(answer);
        session.SendCookie(EncodeCookie(count));
    }

    public void OnCookieEcho(IPoolElementSessionContext session, ReadOnlyMemory<byte> cookie)
    {
        if (TryDecodeCookie(cookie.Span, out ulong count))
        {
            _counters[session.SessionId] = count;
        }
    }

    public void OnSessionClosed(IPoolElementSessionContext session) => _counters.TryRemove(session.SessionId, out _);
}
