using RSerPool.Hosts.Config;
using Serilog;
using Xunit;

namespace RSerPool.Hosts.Tests.Config;

/// <summary>Issue 7: a node host that wants SCTP on a kernel without it logs one line and runs on TCP.</summary>
public sealed class SctpFallbackNoticeTests
{
    [Fact]
    public void The_default_auto_transports_log_the_reason_once_where_the_kernel_has_no_sctp()
    {
        var sink = new ListLogSink();
        using var logger = new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger();

        Assert.True(SctpFallbackNotice.LogIfUnavailable(logger, HoconConfig.Load([]), sctpAvailable: false, "Protocol not supported (errno 93)"));

        var line = Assert.Single(sink.Events).RenderMessage();
        Assert.Contains("TCP only", line, StringComparison.Ordinal);
        Assert.Contains("errno 93", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, "auto", "auto")]
    [InlineData(false, "tcp", "tcp")]
    public void Nothing_is_logged_with_kernel_sctp_or_when_only_tcp_is_asked(bool sctpAvailable, string registrarTransport, string serverTransport)
    {
        var sink = new ListLogSink();
        using var logger = new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger();
        var config = HoconConfig.Load([]).With("rserpool.registrar-client.transport", registrarTransport).With("rserpool.server.transport", serverTransport);

        Assert.False(SctpFallbackNotice.LogIfUnavailable(logger, config, sctpAvailable, "no SCTP"));
        Assert.Empty(sink.Events);
    }
}
