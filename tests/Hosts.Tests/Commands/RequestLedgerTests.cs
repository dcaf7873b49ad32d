using System.Text;
using RSerPool.Hosts.Commands.Terminal;
using Xunit;

namespace RSerPool.Hosts.Tests.Commands;

public sealed class RequestLedgerTests
{
    private sealed class SteppedTime : TimeProvider
    {
        public long Ticks { get; set; }

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Ticks;
    }

    [Fact]
    public void Counts_each_answer_once_and_reports_duplicates_the_longest_gap_and_the_longest_wait()
    {
        var time = new SteppedTime();
        var ledger = new RequestLedger(time);
        var first = ledger.NextRequest();
        var second = ledger.NextRequest();
        var third = ledger.NextRequest();
        Assert.Equal("request 1", Encoding.ASCII.GetString(first));

        time.Ticks += TimeSpan.FromMilliseconds(4).Ticks;
        Assert.True(ledger.RecordAnswer(first));
        time.Ticks += TimeSpan.FromMilliseconds(37).Ticks; // the failover gap
        Assert.True(ledger.RecordAnswer(Encoding.ASCII.GetBytes("pong 2: request 2")));
        Assert.False(ledger.RecordAnswer(second)); // resent after failover, answered twice
        Assert.False(ledger.RecordAnswer("request 9"u8)); // never sent
        Assert.False(ledger.RecordAnswer("garbage"u8));

        Assert.False(ledger.AllAnswered);
        Assert.Equal("terminal: sent=3 answered=2 lost=1 failovers=1 max-gap-ms=37 duplicates=1 max-wait-ms=41", ledger.Summary(1));
        time.Ticks += TimeSpan.FromMilliseconds(1).Ticks;
        Assert.True(ledger.RecordAnswer(third));
        Assert.True(ledger.AllAnswered);
        Assert.Equal(1, ledger.Duplicates);
        Assert.Equal(TimeSpan.FromMilliseconds(42), ledger.MaxWait); // request 3, sent at 0, answered at 42 ms
        Assert.Equal("terminal: sent=3 answered=3 lost=0 failovers=2 max-gap-ms=37 duplicates=1 max-wait-ms=42", ledger.Summary(2));
    }
}
