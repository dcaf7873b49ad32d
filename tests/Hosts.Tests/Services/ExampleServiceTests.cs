using System.Text;
using RSerPool.Actors.Api;
using RSerPool.Hosts.Services;
using Xunit;
using RSerPool.Actors.Session;

namespace RSerPool.Hosts.Tests.Services;

public sealed class ExampleServiceTests
{
    [Fact]
    public void Echo_answers_every_message_with_its_own_bytes()
    {
        IPoolElementService service = new EchoService();
        var session = new RecordingSessionContext();
        service.OnSessionOpened(session);
        service.OnMessage(session, "one"u8.ToArray());
        service.OnMessage(session, new byte[] { 0, 255, 7 });
        Assert.Equal(["one"u8.ToArray(), new byte[] { 0, 255, 7 }], session.Sent);
    }

    [Fact]
    public void Discard_answers_nothing_and_counts_bytes()
    {
        var service = new DiscardService();
        var session = new RecordingSessionContext();
        service.OnMessage(session, new byte[10]);
        service.OnMessage(session, new byte[5]);
        Assert.Empty(session.Sent);
        Assert.Equal(15, service.DiscardedBytes);
    }

    [Fact]
    public void Daytime_answers_with_the_clock_time()
    {
        var service = new DaytimeService(new FixedTimeProvider(new DateTimeOffset(2026, 11, 29, 13, 5, 9, TimeSpan.Zero)));
        var session = new RecordingSessionContext();
        service.OnMessage(session, "x"u8.ToArray());
        Assert.Equal("Sun Nov 29 13:05:09 2026 UTC", Encoding.ASCII.GetString(session.Sent.Single()));
    }

    [Fact]
    public void Chargen_rotates_the_pattern_by_one_character_per_line_per_session()
    {
        var service = new ChargenService();
        var first = new RecordingSessionContext(1);
        var second = new RecordingSessionContext(2);
        service.OnSessionOpened(first);
        service.OnSessionOpened(second);
        service.OnMessage(first, "a"u8.ToArray());
        service.OnMessage(first, "a"u8.ToArray());
        service.OnMessage(second, "a"u8.ToArray());
        Assert.Equal(ChargenService.LineLength, first.Sent[0].Length);
        Assert.Equal((byte)' ', first.Sent[0][0]);
        Assert.Equal((byte)'!', first.Sent[1][0]);
        Assert.Equal(first.Sent[0], second.Sent[0]);
        Assert.Equal(ChargenService.Line(95), ChargenService.Line(0));
    }

    [Fact]
    public void PingPong_counter_continues_from_the_echoed_cookie_on_another_pe()
    {
        var firstPe = new PingPongService();
        var session = new RecordingSessionContext();
        firstPe.OnSessionOpened(session);
        firstPe.OnMessage(session, "a"u8.ToArray());
        firstPe.OnMessage(session, "b"u8.ToArray());
        Assert.Equal("pong 2: b", Encoding.UTF8.GetString(session.Sent[1]));
        var lastCookie = session.Cookies[^1];

        var secondPe = new PingPongService();
        var afterFailover = new RecordingSessionContext(9);
        secondPe.OnSessionOpened(afterFailover);
        secondPe.OnCookieEcho(afterFailover, lastCookie);
        secondPe.OnMessage(afterFailover, "c"u8.ToArray());
        Assert.Equal("pong 3: c", Encoding.UTF8.GetString(afterFailover.Sent.Single()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("pingpong:")]
    [InlineData("pingpong:12x")]
    [InlineData("other:5")]
    public void PingPong_ignores_a_cookie_that_is_not_its_own(string cookie)
    {
        var service = new PingPongService();
        var session = new RecordingSessionContext();
        service.OnSessionOpened(session);
        service.OnCookieEcho(session, Encoding.ASCII.GetBytes(cookie));
        service.OnMessage(session, "a"u8.ToArray());
        Assert.StartsWith("pong 1:", Encoding.UTF8.GetString(session.Sent.Single()));
    }

    [Fact]
    public void Catalog_knows_every_service_and_rejects_others()
    {
        foreach (var name in ServiceCatalog.Names.Where(n => n != "files"))
        {
            Assert.NotNull(ServiceCatalog.Create(name, TimeProvider.System, null));
        }
        Assert.Throws<ArgumentException>(() => ServiceCatalog.Create("files", TimeProvider.System, null));
        Assert.Throws<ArgumentException>(() => ServiceCatalog.Create("telnet", TimeProvider.System, null));
    }
}
