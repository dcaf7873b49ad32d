using System.Net;
using RSerPool.Actors.Transport.Sctp;
using RSerPool.Actors.Configuration;
using Xunit;

namespace RSerPool.Hosts.Tests.Config;

public sealed class RegistrarConfigTests
{
    [Fact]
    public void Reference_defaults_give_fast_failure_detection_and_rsplib_announces()
    {
        var settings = RegistrarConfig.Read(TestConfig.Reference);

        Assert.Equal(new IPEndPoint(IPAddress.Any, 3863), settings.AsapEndPoint);
        Assert.Equal(new[] { new IPEndPoint(IPAddress.Parse("239.0.0.50"), 3863) }, settings.AsapAnnounce.Targets);
        Assert.Equal(TimeSpan.FromSeconds(1), settings.AsapAnnounce.Interval);
        Assert.True(settings.KeepAliveInterval + settings.KeepAliveTimeout <= TimeSpan.FromSeconds(1),
            "a silent PE must be removed within 1 s by default (issue 4)");
        Assert.Equal(32, settings.Handlespace.MaxPoolHandleLength);
        Assert.Equal(3, settings.Handlespace.MaxUnreachableReports);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.Handlespace.UnreachableReportWindow);
        Assert.Equal(3, settings.DefaultHandleResolutionItems);
        Assert.Equal(0u, settings.ServerId);
    }

    [Fact]
    public void Overrides_reach_every_setting()
    {
        var config = TestConfig.With("""
            rserpool.registrar {
              server-id = 305419896
              asap = "[::1]:0"
              asap-announce = ["127.0.0.1:9000", "off"]
              keep-alive-interval = 2s
              keep-alive-timeout = 250ms
              max-handle-resolution-items = 500
              max-handle-resolution-rate = 10
              limits.max-pes-per-association = 7
              bad-pe-report-window = 0s
            }
            rserpool.wire.max-message-length = 2048
            """);

        var settings = RegistrarConfig.Read(config);

        Assert.Equal(0x12345678u, settings.ServerId);
        Assert.Equal(new IPEndPoint(IPAddress.IPv6Loopback, 0), settings.AsapEndPoint);
        Assert.Equal(new[] { new IPEndPoint(IPAddress.Loopback, 9000) }, settings.AsapAnnounce.Targets);
        Assert.Equal(TimeSpan.FromSeconds(2), settings.KeepAliveInterval);
        Assert.Equal(TimeSpan.FromMilliseconds(250), settings.KeepAliveTimeout);
        Assert.Equal(128, settings.DefaultHandleResolutionItems);
        Assert.Equal(10, settings.MaxHandleResolutionRate);
        Assert.Equal(7, settings.Handlespace.MaxElementsPerAssociation);
        Assert.Equal(TimeSpan.Zero, settings.Handlespace.UnreachableReportWindow);
        Assert.Equal(2048, settings.Association.MaxMessageLength);
    }

    [Fact]
    public void The_enrp_allowlist_is_loopback_by_default_and_reads_addresses_and_networks()
    {
        var byDefault = RegistrarConfig.Read(TestConfig.Reference).Enrp!.Allow!;
        Assert.Equal([IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("::1/128")], byDefault);
        Assert.DoesNotContain(byDefault, network => network.Contains(IPAddress.Parse("10.0.0.1")));

        var set = RegistrarConfig.Read(TestConfig.With("""rserpool.registrar.enrp.allow = ["10.0.0.5", "192.168.0.0/16", "fd00::/8"]""")).Enrp!.Allow!;
        Assert.Equal([new IPNetwork(IPAddress.Parse("10.0.0.5"), 32), IPNetwork.Parse("192.168.0.0/16"), IPNetwork.Parse("fd00::/8")], set);
    }

    [Theory]
    [InlineData("[\"10.0.0.0/33\"]")]
    [InlineData("[\"example.org\"]")]
    [InlineData("\"10.0.0.0/8\"")]
    public void A_bad_enrp_allow_entry_is_an_error_naming_the_key(string value)
    {
        var error = Assert.Throws<RSerPoolConfigException>(() => RegistrarConfig.Read(TestConfig.With($"rserpool.registrar.enrp.allow = {value}")));
        Assert.Contains("rserpool.registrar.enrp.allow", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_asap_sctp_style_is_one_to_many_by_default_and_one_to_one_when_set()
    {
        Assert.Equal(SctpSocketStyle.OneToMany, RegistrarConfig.Read(TestConfig.Reference).AsapSctpStyle);
        var config = TestConfig.With("rserpool.registrar.asap-sctp-style = one-to-one");
        Assert.Equal(SctpSocketStyle.OneToOne, RegistrarConfig.Read(config).AsapSctpStyle);
    }

    [Fact]
    public void Idle_memory_trim_is_on_by_default_and_refuses_zero_thresholds()
    {
        var byDefault = RegistrarConfig.ReadIdleMemoryTrim(TestConfig.Reference);
        Assert.Equal(RSerPool.Actors.Memory.IdleMemoryTrimSettings.Default, byDefault);
        Assert.Equal(new RSerPool.Actors.Memory.IdleMemoryTrimSettings(true, TimeSpan.FromSeconds(5), 1L << 20, 8L << 20, 0.1), byDefault);
        Assert.False(RegistrarConfig.ReadIdleMemoryTrim(TestConfig.With("rserpool.registrar.idle-memory-trim.enabled = off")).Enabled);
        var zero = Assert.Throws<RSerPoolConfigException>(() => RegistrarConfig.ReadIdleMemoryTrim(TestConfig.With("rserpool.registrar.idle-memory-trim.min-growth = 0")));
        Assert.Contains("min-growth", zero.Message, StringComparison.Ordinal);
        Assert.Throws<RSerPoolConfigException>(() => RegistrarConfig.ReadIdleMemoryTrim(TestConfig.With("rserpool.registrar.idle-memory-trim.check-interval = 0s")));
        Assert.Throws<RSerPoolConfigException>(() => RegistrarConfig.ReadIdleMemoryTrim(TestConfig.With("rserpool.registrar.idle-memory-trim.min-growth-ratio = -0.1")));
    }

    [Fact]
    public void The_status_endpoint_is_off_by_default_and_an_endpoint_when_set()
    {
        Assert.Null(RegistrarConfig.ReadStatusEndPoint(TestConfig.Reference));
        var set = TestConfig.With("rserpool.registrar.status = \"127.0.0.1:9090\"");
        Assert.Equal(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 9090), RegistrarConfig.ReadStatusEndPoint(set));
        var bad = TestConfig.With("rserpool.registrar.status = \"nowhere\"");
        Assert.Throws<RSerPoolConfigException>(() => RegistrarConfig.ReadStatusEndPoint(bad));
    }

    [Fact]
    public void The_live_page_feed_reads_every_second_by_default_and_refuses_zero()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), RegistrarConfig.ReadStatusEventsInterval(TestConfig.Reference));
        Assert.Equal(TimeSpan.FromMilliseconds(250), RegistrarConfig.ReadStatusEventsInterval(TestConfig.With("rserpool.registrar.status-events-interval = 250ms")));
        var e = Assert.Throws<RSerPoolConfigException>(() => RegistrarConfig.ReadStatusEventsInterval(TestConfig.With("rserpool.registrar.status-events-interval = 0s")));
        Assert.Contains("rserpool.registrar.status-events-interval", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Asap_over_sctp_follows_the_tcp_endpoint_by_default_or_is_set_or_off()
    {
        var byDefault = RegistrarConfig.Read(TestConfig.Reference);
        Assert.True(byDefault.AsapSctpOnTcpEndPoint);
        Assert.Null(byDefault.AsapSctpEndPoint);

        var set = RegistrarConfig.Read(TestConfig.With("rserpool.registrar.asap-sctp = \"127.0.0.1:3870\""));
        Assert.False(set.AsapSctpOnTcpEndPoint);
        Assert.Equal(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 3870), set.AsapSctpEndPoint);

        var off = RegistrarConfig.Read(TestConfig.With("rserpool.registrar.asap-sctp = off"));
        Assert.False(off.AsapSctpOnTcpEndPoint);
        Assert.Null(off.AsapSctpEndPoint);
    }

    [Theory]
    [InlineData("rserpool.registrar.asap = \"localhost:3863\"", "not an address:port")]
    [InlineData("rserpool.registrar.asap-sctp-style = many", "not an SCTP socket style")]
    [InlineData("rserpool.registrar.keep-alive-timeout = 0ms", "positive duration")]
    [InlineData("rserpool.registrar.asap-announce = [\"1.2.3.4:99999\"]", "not an address:port")]
    public void Bad_values_are_reported_with_their_key(string text, string expected)
    {
        var config = TestConfig.With(text);
        Assert.Contains(expected, Assert.Throws<RSerPoolConfigException>(() => RegistrarConfig.Read(config)).Message);
    }

    [Theory]
    [InlineData("127.0.0.1:3863", "127.0.0.1", 3863)]
    [InlineData("0.0.0.0", "0.0.0.0", 9)]
    [InlineData("[::1]:0", "::1", 0)]
    [InlineData("::1", "::1", 9)]
    public void Endpoints_parse_in_rsplib_forms(string text, string address, int port)
    {
        Assert.True(EndPointText.TryParse(text, 9, out var endPoint));
        Assert.Equal(new IPEndPoint(IPAddress.Parse(address), port), endPoint);
    }

    [Fact]
    public void Reference_enrp_defaults_take_a_crashed_registrar_over_within_2_s()
    {
        var enrp = RegistrarConfig.Read(TestConfig.Reference).Enrp;

        Assert.NotNull(enrp);
        Assert.Equal(new IPEndPoint(IPAddress.Any, 9901), enrp.EndPoint);
        Assert.Empty(enrp.Peers);
        Assert.Empty(enrp.PresenceTargets);
        // Death is declared last-heard + no-response after the last message (which came at most 1.125 cycles before
        // the crash); the Init Takeover Acks take one round trip.
        var worst = (enrp.PeerHeartbeatCycle * 1.125) + enrp.MaxTimeLastHeard + enrp.MaxTimeNoResponse;
        Assert.True(worst < TimeSpan.FromSeconds(2), $"takeover only after {worst}");
        Assert.True(enrp.MaxTimeLastHeard >= enrp.PeerHeartbeatCycle * 1.125 * 2, "two late Presences must not make a peer look dead");
        Assert.Equal(4096, enrp.MaxElementsPerHandleTableResponse);
        Assert.Equal(61440, enrp.MaxHandleTableResponseBytes);
    }

    [Fact]
    public void Enrp_keys_reach_the_settings_and_off_disables_enrp()
    {
        var config = TestConfig.With("""
            rserpool.registrar.enrp {
              endpoint = "127.0.0.1:0"
              peers = ["10.0.0.2:9901", "10.0.0.3"]
              peer-heartbeat-cycle = 2s
              max-time-last-heard = 5s
              max-time-no-response = 4s
              takeover-expiry = 3s
              max-handle-table-response-bytes = 1400
              presence-announce = ["239.0.0.51:9901", "off"]
            }
            """);
        var enrp = RegistrarConfig.Read(config).Enrp!;

        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 0), enrp.EndPoint);
        Assert.Equal(new[] { new IPEndPoint(IPAddress.Parse("10.0.0.2"), 9901), new IPEndPoint(IPAddress.Parse("10.0.0.3"), 9901) }, enrp.Peers);
        Assert.Equal(TimeSpan.FromSeconds(2), enrp.PeerHeartbeatCycle);
        Assert.Equal(TimeSpan.FromSeconds(5), enrp.MaxTimeLastHeard);
        Assert.Equal(TimeSpan.FromSeconds(4), enrp.MaxTimeNoResponse);
        Assert.Equal(TimeSpan.FromSeconds(3), enrp.TakeoverExpiry);
        Assert.Equal(1400, enrp.MaxHandleTableResponseBytes);
        Assert.Equal(new[] { new IPEndPoint(IPAddress.Parse("239.0.0.51"), 9901) }, enrp.PresenceTargets);

        var off = TestConfig.With("rserpool.registrar.enrp.endpoint = off");
        Assert.Null(RegistrarConfig.Read(off).Enrp);
    }
}
