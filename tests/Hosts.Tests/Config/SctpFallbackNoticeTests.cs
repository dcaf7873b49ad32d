using Akka.Event;
using RSerPool.Hosts.Config;
using Xunit;

namespace RSerPool.Hosts.Tests.Config;

/// <summary>A node host that wants SCTP on a kernel without it logs one line (through Akka's logging) and runs on TCP.</summary>
public sealed class SctpFallbackNoticeTests : Akka.TestKit.Xunit2.TestKit
{
    [Fact]
    public void The_default_auto_transports_log_the_reason_once_where_the_kernel_has_no_sctp()
    {
        var log = Logging.GetLogger(Sys, typeof(SctpFallbackNoticeTests));
        bool logged = false;

        EventFilter.Info(contains: "SCTP unavailable, running on TCP only: Protocol not supported (errno 93)").ExpectOne(() =>
            logged = SctpFallbackNotice.LogIfUnavailable(log, TestConfig.Reference, sctpAvailable: false, "Protocol not supported (errno 93)"));

        Assert.True(logged);
    }

    [Fact]
    public void An_explicit_sctp_transport_is_warned_about_by_its_flag_and_key_not_announced_as_tcp()
    {
        var log = Logging.GetLogger(Sys, typeof(SctpFallbackNoticeTests));
        var config = TestConfig.With("rserpool.registrar-client.transport = sctp\nrserpool.server.transport = auto");

        EventFilter.Warning(contains: "SCTP unavailable: no SCTP; --registrar-transport sctp (rserpool.registrar-client.transport) cannot work on this kernel: use tcp or auto")
            .ExpectOne(() => SctpFallbackNotice.LogIfUnavailable(log, config, sctpAvailable: false, "no SCTP"));
        EventFilter.Info(contains: "running on TCP only").Expect(0, () => SctpFallbackNotice.LogIfUnavailable(log, config, sctpAvailable: false, "no SCTP"));
    }

    [Theory]
    [InlineData(true, "auto", "auto")]
    [InlineData(false, "tcp", "tcp")]
    public void Nothing_is_logged_with_kernel_sctp_or_when_only_tcp_is_asked(bool sctpAvailable, string registrarTransport, string serverTransport)
    {
        var log = Logging.GetLogger(Sys, typeof(SctpFallbackNoticeTests));
        var config = TestConfig.With($"rserpool.registrar-client.transport = {registrarTransport}\nrserpool.server.transport = {serverTransport}");
        bool logged = true;

        EventFilter.Info(contains: "SCTP").Expect(0, () => logged = SctpFallbackNotice.LogIfUnavailable(log, config, sctpAvailable, "no SCTP"));

        Assert.False(logged);
    }
}
