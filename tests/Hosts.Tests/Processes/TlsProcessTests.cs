using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using RSerPool.Hosts.Tests.Support;
using Xunit;

namespace RSerPool.Hosts.Tests.Processes;

/// <summary>
/// TLS with mutual authentication on ASAP and ENRP over TCP (README "TLS", RFC 5355 section 4) with certificates made
/// by <c>rserpool certs create</c>: good certificates work, missing, expired and foreign ones are refused at the
/// handshake (nothing registered, nothing learnt or injected), each refusal logged and counted on /metrics.
/// </summary>
public sealed class TlsProcessTests(TlsCertificates certs) : IClassFixture<TlsCertificates>
{
    private static async Task<(RserpoolProcess Process, string Asap, string? Enrp, Uri Metrics)> StartRegistrarAsync(string serverId, string[] tls,
        bool enrp = false, params string[] peers)
    {
        string[] enrpFlags = enrp ? ["--enrp", "127.0.0.1:0", "--enrp-announce", "off", .. peers.SelectMany(p => new[] { "--peer", p })] : ["--enrp", "off"];
        var process = RserpoolProcess.Start(["registrar", "--asap", "127.0.0.1:0", "--asap-announce", "off", "--server-id", serverId,
            "--status", "127.0.0.1:0", "--log-level", "debug", .. enrpFlags, .. tls]);
        var ready = await process.WaitForLineAsync(@"ready: ASAP on TCP (127\.0\.0\.1:\d+)(, ENRP on TCP (127\.0\.0\.1:\d+))?");
        var status = new Uri((await process.WaitForLineAsync(@"status on (http://127\.0\.0\.1:\d+/)status")).Groups[1].Value);
        return (process, ready.Groups[1].Value, ready.Groups[3].Success ? ready.Groups[3].Value : null, new Uri(status, "metrics"));
    }

    private static RserpoolProcess StartServer(string asap, string pool, params string[] tls) =>
        RserpoolProcess.Start(["server", "--pool", pool, "--service", "echo", "--registrar", asap, "--asap-announce", "off", "--local", "127.0.0.1:0", .. tls]);

    private static async Task<string> MetricsAsync(Uri metrics)
    {
        using var http = new HttpClient();
        return await http.GetStringAsync(metrics);
    }

    [Fact]
    public async Task A_PE_with_a_certificate_of_the_CA_registers_over_TLS()
    {
        var (registrar, asap, _, metrics) = await StartRegistrarAsync("0xa1", certs.Flags("registrar"));
        await using var _ = registrar;
        var server = StartServer(asap, "TlsPool", certs.Flags("pe"));
        await using var __ = server;

        string pe = (await server.WaitForLineAsync(@"server ready: PE 0x([0-9a-f]{8})")).Groups[1].Value;
        await registrar.WaitForLineAsync($"PE 0x{pe} registered in TlsPool");
        Assert.Contains("rserpool_registrations_total 1\n", await MetricsAsync(metrics), StringComparison.Ordinal);
        Assert.Empty(registrar.LinesMatching("TLS handshake .* refused"));
    }

    [Theory]
    [InlineData("none")]
    [InlineData("expired")]
    [InlineData("unknown_ca")]
    public async Task A_PE_without_a_valid_certificate_is_refused_at_the_handshake_and_nothing_is_registered(string reason)
    {
        var (registrar, asap, _, metrics) = await StartRegistrarAsync("0xa2", certs.Flags("registrar"));
        await using var _ = registrar;
        string[] tls = reason switch
        {
            "none" => [],
            "expired" => ["--tls-cert", certs.ExpiredCertificate, "--tls-key", certs.ExpiredKey, "--tls-ca", certs.File("ca.pem")],
            _ => ["--tls-cert", Path.Combine(certs.Other, "pe.pem"), "--tls-key", Path.Combine(certs.Other, "pe.key"), "--tls-ca", certs.File("ca.pem")],
        };
        var server = StartServer(asap, "TlsPool", tls);
        await using var __ = server;

        await registrar.WaitForLineAsync($@"\[WRN\] ASAP TLS handshake with 127\.0\.0\.1:\d+ refused \({reason}\)");
        // The client retries after its hunt delay: a second refusal from the same source and reason is not logged again.
        await WaitForMetricAsync(metrics, $@"rserpool_tls_handshake_failures_total\{{reason=""{reason}""\}} ([2-9]|\d\d+)\n");

        string text = await MetricsAsync(metrics);
        Assert.Contains("rserpool_registrations_total 0\n", text, StringComparison.Ordinal);
        Assert.Single(registrar.LinesMatching(@"\[WRN\] .*TLS handshake .* refused"));
        Assert.Empty(registrar.LinesMatching("registered in TlsPool"));
        Assert.Empty(server.LinesMatching("server ready"));
    }

    [Theory]
    [InlineData("none")]
    [InlineData("unknown_ca")]
    public async Task An_ENRP_peer_without_a_valid_certificate_learns_nothing_and_injects_nothing(string reason)
    {
        var (a, aAsap, aEnrp, aMetrics) = await StartRegistrarAsync("0xa3", certs.Flags("registrar"), enrp: true);
        await using var _ = a;
        var pe = StartServer(aAsap, "HomePool", certs.Flags("pe"));
        await using var __ = pe;
        await a.WaitForLineAsync("registered in HomePool");

        // The intruder trusts A's CA (so it would accept A) but has no certificate of it; its own PE is one A must not get.
        string[] intruderTls = reason == "none"
            ? []
            : ["--tls-cert", Path.Combine(certs.Other, "peer.pem"), "--tls-key", Path.Combine(certs.Other, "peer.key"), "--tls-ca", certs.BothCas];
        var (c, cAsap, _, cMetrics) = await StartRegistrarAsync("0xc3", intruderTls, enrp: true, aEnrp!);
        await using var ___ = c;
        var fake = StartServer(cAsap, "HomePool", reason == "none" ? []
            : ["--tls-cert", Path.Combine(certs.Other, "pe.pem"), "--tls-key", Path.Combine(certs.Other, "pe.key"), "--tls-ca", Path.Combine(certs.Other, "ca.pem")]);
        await using var ____ = fake;
        await c.WaitForLineAsync("registered in HomePool");

        await a.WaitForLineAsync($@"\[WRN\] ENRP TLS handshake with 127\.0\.0\.1:\d+ refused \({reason}\)");
        await WaitForMetricAsync(aMetrics, $@"rserpool_tls_handshake_failures_total\{{reason=""{reason}""\}} [1-9]");

        Assert.DoesNotMatch(@"rserpool_enrp_messages_total\{direction=""received"",type=""\w+""\} [1-9]", await MetricsAsync(aMetrics));
        Assert.DoesNotMatch(@"rserpool_enrp_messages_total\{direction=""received"",type=""\w+""\} [1-9]", await MetricsAsync(cMetrics));
        Assert.Empty(a.LinesMatching("new ENRP peer|copy of PE"));
        Assert.Empty(c.LinesMatching("new ENRP peer|copy of PE"));
    }

    [Fact]
    public async Task ENRP_peers_with_certificates_of_the_CA_authenticate_each_other_and_share_the_handlespace()
    {
        var (a, aAsap, aEnrp, _) = await StartRegistrarAsync("0xa4", certs.Flags("registrar"), enrp: true);
        await using var _ = a;
        var (b, _, _, _) = await StartRegistrarAsync("0xb4", certs.Flags("peer"), enrp: true, aEnrp!);
        await using var __ = b;
        await a.WaitForLineAsync("new ENRP peer 0x000000b4");
        await b.WaitForLineAsync("new ENRP peer 0x000000a4");

        var pe = StartServer(aAsap, "SharedPool", certs.Flags("pe"));
        await using var ___ = pe;
        string id = (await pe.WaitForLineAsync(@"server ready: PE 0x([0-9a-f]{8})")).Groups[1].Value;
        await b.WaitForLineAsync($"copy of PE 0x{id} in SharedPool from registrar 0x000000a4 added");
    }

    [Theory]
    [InlineData("unknown_ca")]
    [InlineData("wrong_name")]
    public async Task A_PE_refuses_a_registrar_whose_certificate_it_cannot_verify(string reason)
    {
        string directory = certs.Good;
        if (reason == "wrong_name")
        {
            // A registrar of the PE's CA whose certificate names another host and address than the one connected to.
            directory = Path.Combine(certs.Root, "elsewhere");
            TlsCertificates.Create(directory, "--role", "registrar", "--role", "pe", "--name", "elsewhere.example", "--ip", "192.0.2.7");
        }
        string[] registrarTls = ["--tls-cert", Path.Combine(directory, "registrar.pem"), "--tls-key", Path.Combine(directory, "registrar.key"),
            "--tls-ca", Path.Combine(directory, "ca.pem")];
        string[] peTls = reason == "wrong_name"
            ? ["--tls-cert", Path.Combine(directory, "pe.pem"), "--tls-key", Path.Combine(directory, "pe.key"), "--tls-ca", Path.Combine(directory, "ca.pem")]
            : ["--tls-cert", Path.Combine(certs.Other, "pe.pem"), "--tls-key", Path.Combine(certs.Other, "pe.key"), "--tls-ca", Path.Combine(certs.Other, "ca.pem")];
        var (registrar, asap, _, metrics) = await StartRegistrarAsync("0xa6", registrarTls);
        await using var _ = registrar;
        var server = StartServer(asap, "TlsPool", peTls);
        await using var __ = server;

        await server.WaitForLineAsync($@"\[WRN\] ASAP TLS handshake with {Regex.Escape(asap)} refused \({reason}\)");
        Assert.Contains("rserpool_registrations_total 0\n", await MetricsAsync(metrics), StringComparison.Ordinal);
        Assert.Empty(server.LinesMatching("server ready"));
    }

    [Fact]
    public async Task A_rotated_certificate_is_presented_to_new_connections_without_a_restart()
    {
        string directory = Path.Combine(certs.Root, "rotation");
        TlsCertificates.Create(directory);
        string[] flags = ["--tls-cert", Path.Combine(directory, "registrar.pem"), "--tls-key", Path.Combine(directory, "registrar.key"),
            "--tls-ca", Path.Combine(directory, "ca.pem")];
        var (registrar, asap, _, _) = await StartRegistrarAsync("0xa5", flags);
        await using var _ = registrar;

        string before = await ServerSerialAsync(asap, directory);
        Assert.Equal(X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(directory, "registrar.pem"))).SerialNumber, before);

        TlsCertificates.Create(directory, "--role", "registrar");            // a new registrar certificate of the same CA
        string expected = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(directory, "registrar.pem"))).SerialNumber;
        Assert.NotEqual(before, expected);
        Assert.Equal(expected, await ServerSerialAsync(asap, directory));
    }

    [Fact]
    public void Certs_create_refuses_bad_flags_with_a_usage_error()
    {
        var stderr = new StringWriter();
        Assert.Equal(2, Program.Run(["certs", "create", "--out", Path.Combine(certs.Root, "bad"), "--ip", "not-an-ip"], TextReader.Null, TextWriter.Null, stderr));
        Assert.Equal("rserpool certs create: --ip: not an IP address: not-an-ip", stderr.ToString().Trim());
        Assert.False(Directory.Exists(Path.Combine(certs.Root, "bad")));
    }

    [Fact]
    public void A_missing_certificate_file_is_a_configuration_error_naming_the_key()
    {
        var stderr = new StringWriter();
        int exit = Program.Run(["registrar", "--asap", "127.0.0.1:0", "--enrp", "off", "--tls-cert", Path.Combine(certs.Root, "missing.pem"),
            "--tls-key", certs.File("registrar.key")], TextReader.Null, TextWriter.Null, stderr);
        Assert.Equal(2, exit);
        Assert.Contains("'rserpool.tls.cert' (--tls-cert): no such file", stderr.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr.ToString(), StringComparison.Ordinal);
    }

    // A TLS client as a PE would be, returning the serial number of the certificate the registrar presented.
    private static async Task<string> ServerSerialAsync(string asap, string directory)
    {
        var endPoint = System.Net.IPEndPoint.Parse(asap);
        using var client = new TcpClient();
        await client.ConnectAsync(endPoint);
        using var pe = X509Certificate2.CreateFromPemFile(Path.Combine(directory, "pe.pem"), Path.Combine(directory, "pe.key"));
        await using var tls = new SslStream(client.GetStream());
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "127.0.0.1",
            ClientCertificateContext = SslStreamCertificateContext.Create(pe, null, offline: true),
            RemoteCertificateValidationCallback = (_, _, _, _) => true,   // only the serial is looked at here
        });
        return ((X509Certificate2)tls.RemoteCertificate!).SerialNumber;
    }

    private static async Task WaitForMetricAsync(Uri metrics, string pattern)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        string text = "";
        for (int attempt = 0; attempt < 300 && DateTime.UtcNow < deadline; attempt++)
        {
            text = await MetricsAsync(metrics);
            if (Regex.IsMatch(text, pattern))
            {
                return;
            }
            await Task.Delay(100);
        }
        Assert.Fail($"no metric matching {pattern} within 30 s:\n{text}");
    }
}
