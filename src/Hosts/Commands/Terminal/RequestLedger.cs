using System.Globalization;
using System.Text;

namespace RSerPool.Hosts.Commands.Terminal;

/// <summary>
/// Bookkeeping of the terminal's generated requests (<c>request N</c>): what was sent, which numbers got an answer
/// (duplicates after a resend count once), the longest time between two answers (the failover gap), and the summary
/// line of the demo. Thread-safe: the sender and the receiver run concurrently.
/// </summary>
public sealed class RequestLedger(TimeProvider time)
{
    private const string Prefix = "request ";
    private readonly object _gate = new();
    private readonly HashSet<long> _answered = [];
    private long _sent;
    private long _lastAnswerTimestamp;
    private TimeSpan _maxGap;

    public long Sent { get { lock (_gate) { return _sent; } } }

    public long Answered { get { lock (_gate) { return _answered.Count; } } }

    public TimeSpan MaxGap { get { lock (_gate) { return _maxGap; } } }

    public bool AllAnswered { get { lock (_gate) { return _answered.Count == _sent; } } }

    /// <summary>Records the next request and returns its payload.</summary>
    public byte[] NextRequest()
    {
        long number;
        lock (_gate)
        {
            number = ++_sent;
            if (number == 1)
            {
                _lastAnswerTimestamp = time.GetTimestamp();
            }
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
            if (number < 1 || number > _sent || !_answered.Add(number))
            {
                return false;
            }
            long now = time.GetTimestamp();
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
                $"demo: sent={_sent} answered={_answered.Count} lost={_sent - _answered.Count} failovers={failovers} max-gap-ms={(long)Math.Ceiling(_maxGap.TotalMilliseconds)}");
        }
    }
}
