using System.Globalization;
using System.Text;

namespace RSerPool.Hosts.Commands.Terminal;

/// <summary>
/// Bookkeeping of the terminal's generated requests (<c>request N</c>): what was sent, which numbers got an answer
/// (an answer after a resend counts once, the extra ones as duplicates), the longest time between two answers (the
/// failover gap), the longest time one request waited for its answer, and the summary line of the demo. Thread-safe:
/// the sender and the receiver run concurrently.
/// </summary>
public sealed class RequestLedger(TimeProvider time)
{
    private const string Prefix = "request ";
    private readonly object _gate = new();
    private readonly HashSet<long> _answered = [];
    private readonly Dictionary<long, long> _sentAt = []; // unanswered requests only: bounded by what is outstanding
    private long _sent;
    private long _duplicates;
    private long _lastAnswerTimestamp;
    private TimeSpan _maxGap;
    private TimeSpan _maxWait;

    public long Sent { get { lock (_gate) { return _sent; } } }

    public long Answered { get { lock (_gate) { return _answered.Count; } } }

    public TimeSpan MaxGap { get { lock (_gate) { return _maxGap; } } }

    /// <summary>Answers to a request that had been answered before (the session resent it, the PE answered again).</summary>
    public long Duplicates { get { lock (_gate) { return _duplicates; } } }

    /// <summary>The longest time from sending a request to its first answer.</summary>
    public TimeSpan MaxWait { get { lock (_gate) { return _maxWait; } } }

    public bool AllAnswered { get { lock (_gate) { return _answered.Count == _sent; } } }

    /// <summary>Records the next request and returns its payload.</summary>
    public byte[] NextRequest()
    {
        long number;
        lock (_gate)
        {
            number = ++_sent;
            long now = time.GetTimestamp();
            if (number == 1)
            {
                _lastAnswerTimestamp = now;
            }
            _sentAt[number] = now;
        }
        return Encoding.ASCII.GetBytes(Prefix + number.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Records an answer; true when it answers a request not answered before.</summary>
    public bool RecordAnswer(ReadOnlySpan<byte> answer)
    {
        var text = Encoding.UTF8.GetString(answer);
        int at = text.LastIndexOf(Prefix, StringComparison.Ordinal);
        if (at < 0 || !long.TryParse(text.AsSpan(at + Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out long number))
        {
            return false;
        }
        lock (_gate)
        {
            if (number < 1 || number > _sent)
            {
                return false;
            }
            if (!_answered.Add(number))
            {
                _duplicates++;
                return false;
            }
            long now = time.GetTimestamp();
            if (_sentAt.Remove(number, out long sentAt) && time.GetElapsedTime(sentAt, now) is var wait && wait > _maxWait)
            {
                _maxWait = wait;
            }
            var gap = time.GetElapsedTime(_lastAnswerTimestamp, now);
            if (gap > _maxGap)
            {
                _maxGap = gap;
            }
            _lastAnswerTimestamp = now;
            return true;
        }
    }

    public string Summary(int failovers)
    {
        lock (_gate)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"terminal: sent={_sent} answered={_answered.Count} lost={_sent - _answered.Count} failovers={failovers} max-gap-ms={Ms(_maxGap)} duplicates={_duplicates} max-wait-ms={Ms(_maxWait)}");
        }
    }

    private static long Ms(TimeSpan span) => (long)Math.Ceiling(span.TotalMilliseconds);
}
