using Akka.Event;

namespace RSerPool.Actors.Transport;

/// <summary>
/// Logs the frames an association answers with an Error once per kind of fault, then only counts them (issue 13:
/// 210,000 bad messages wrote 29 MB of log). The kind is the cause text without its numbers (offsets, lengths, counts);
/// at most <see cref="MaxKinds"/> kinds are remembered. <see cref="LogSummary"/> tells the total at the association's end.
/// </summary>
internal sealed class BadFrameLog(ILoggingAdapter log, string protocol, string peer)
{
    /// <summary>Kinds of fault remembered per association (the decoder has fewer statuses than this).</summary>
    public const int MaxKinds = 32;

    private readonly HashSet<string> _kinds = new(StringComparer.Ordinal);
    private long _count;
    private long _logged;

    public long Count => _count;

    /// <summary>Counts one answered frame and logs it at WARN when its kind is new for this association.</summary>
    public void Note(string cause)
    {
        _count++;
        string kind = KindOf(cause);
        if (_kinds.Count < MaxKinds && _kinds.Add(kind))
        {
            _logged++;
            log.Warning("{Protocol} from {Peer}: {Cause}; answered with an Error (each kind logged once per association, then counted)", protocol, peer, cause);
        }
    }

    /// <summary>At the association's end: how many answered frames were not logged one by one.</summary>
    public void LogSummary()
    {
        if (_count > _logged)
        {
            log.Warning("{Protocol} association with {Peer}: {Count} messages answered with an Error in all ({Unlogged} not logged one by one)",
                protocol, peer, _count, _count - _logged);
        }
    }

    private static string KindOf(string cause)
    {
        int end = cause.IndexOf(" at offset", StringComparison.Ordinal);
        ReadOnlySpan<char> text = end >= 0 ? cause.AsSpan(0, end) : cause.AsSpan();
        return string.Create(text.Length, text.ToString(), static (span, source) =>
        {
            for (int i = 0; i < span.Length; i++)
            {
                span[i] = char.IsAsciiDigit(source[i]) ? '#' : source[i];
            }
        });
    }
}
