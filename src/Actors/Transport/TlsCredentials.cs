using System.Collections.Concurrent;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RSerPool.Actors.Transport;

/// <summary>
/// The TLS material of the TCP mapping of ASAP and ENRP (rserpool.tls, README "TLS"): this node's certificate and key
/// and the CA its peers' certificates must chain to (RFC 5355 section 4: mutual authentication of PEs, PUs and
/// registrars). The PEM files are re-read when their modification time or size changes, checked at each new
/// association, so rotated certificates take effect without a restart. With a CA a server requires a client
/// certificate chaining to it; a client always validates the server's certificate and the address it connected to.
/// </summary>
public sealed class TlsCredentials
{
    private const int MaxRememberedRefusals = 4096;
    private readonly object _gate = new();
    private readonly ConcurrentDictionary<(string Source, TlsRefusal Refusal), byte> _refusalsLogged = new();
    private Loaded _loaded;

    private TlsCredentials(string? certificateFile, string? keyFile, string? caFile, TimeSpan handshakeTimeout)
    {
        CertificateFile = certificateFile;
        KeyFile = keyFile;
        CaFile = caFile;
        HandshakeTimeout = handshakeTimeout;
        _loaded = Load();
    }

    public string? CertificateFile { get; }

    public string? KeyFile { get; }

    public string? CaFile { get; }

    /// <summary>A handshake not completed within this closes the connection (a silent or slow client holds no slot).</summary>
    public TimeSpan HandshakeTimeout { get; }

    /// <summary>With a CA configured a server requires a client certificate chaining to it.</summary>
    public bool RequiresClientCertificate => CaFile is not null;

    /// <summary>
    /// Loads the files now (so a bad path or PEM is an error at startup). <paramref name="certificateFile"/> and
    /// <paramref name="keyFile"/> go together; at least one of them or <paramref name="caFile"/> must be given.
    /// Throws <see cref="ArgumentException"/> naming the problem.
    /// </summary>
    public static TlsCredentials Create(string? certificateFile, string? keyFile, string? caFile, TimeSpan handshakeTimeout)
    {
        if (string.IsNullOrWhiteSpace(certificateFile) != string.IsNullOrWhiteSpace(keyFile))
        {
            throw new ArgumentException("a certificate and its key go together: give both or neither");
        }
        if (string.IsNullOrWhiteSpace(certificateFile) && string.IsNullOrWhiteSpace(caFile))
        {
            throw new ArgumentException("give a certificate and key, a CA, or both");
        }
        return new TlsCredentials(Full(certificateFile), Full(keyFile), Full(caFile), handshakeTimeout);
    }

    /// <summary>The serial number of the certificate presented now (after a rotation check), for logs and tests.</summary>
    public string? CurrentSerialNumber => Current().Certificate?.SerialNumber;

    internal SslServerAuthenticationOptions ServerOptions(TlsCheck check)
    {
        var loaded = Current();
        if (loaded.Context is null)
        {
            throw new TlsHandshakeException(TlsRefusal.HandshakeFailed, "no certificate configured to accept TLS connections with (rserpool.tls.cert)");
        }
        return new SslServerAuthenticationOptions
        {
            ServerCertificateContext = loaded.Context,
            ClientCertificateRequired = RequiresClientCertificate,
            EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            RemoteCertificateValidationCallback = (_, certificate, _, errors) => Validate(loaded, certificate, errors, server: true, check),
        };
    }

    internal SslClientAuthenticationOptions ClientOptions(string targetHost, TlsCheck check)
    {
        var loaded = Current();
        return new SslClientAuthenticationOptions
        {
            TargetHost = targetHost,
            ClientCertificateContext = loaded.Context,
            EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            RemoteCertificateValidationCallback = (_, certificate, _, errors) => Validate(loaded, certificate, errors, server: false, check),
        };
    }

    /// <summary>True the first time <paramref name="source"/> is refused for <paramref name="refusal"/> (log once per source and reason).</summary>
    public bool FirstRefusal(string source, TlsRefusal refusal)
    {
        if (_refusalsLogged.Count >= MaxRememberedRefusals)
        {
            _refusalsLogged.Clear();
        }
        return _refusalsLogged.TryAdd((source, refusal), 0);
    }

    /// <summary>The subject common name and SAN DNS names and IP addresses of <paramref name="certificate"/>.</summary>
    public static AssociationIdentity? IdentityOf(X509Certificate? certificate)
    {
        if (certificate is not X509Certificate2 cert)
        {
            return null;
        }
        string? commonName = cert.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        var names = new List<string>();
        foreach (var extension in cert.Extensions)
        {
            if (extension is X509SubjectAlternativeNameExtension san)
            {
                names.AddRange(san.EnumerateDnsNames());
                names.AddRange(san.EnumerateIPAddresses().Select(ip => ip.ToString()));
            }
        }
        return new AssociationIdentity(string.IsNullOrEmpty(commonName) ? null : commonName, names);
    }

    private static string? Full(string? path) => string.IsNullOrWhiteSpace(path) ? null : Path.GetFullPath(path);

    private bool Validate(Loaded loaded, X509Certificate? certificate, SslPolicyErrors errors, bool server, TlsCheck check)
    {
        check.Checked = true;
        if (certificate is not X509Certificate2 cert)
        {
            if (server && !RequiresClientCertificate)
            {
                return true;
            }
            check.Refusal = TlsRefusal.NoCertificate;
            check.Detail = "no certificate presented";
            return false;
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (loaded.Roots is { } roots)
        {
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        }
        if (!chain.Build(cert))
        {
            var status = chain.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, (all, s) => all | s.Status);
            bool expired = (status & X509ChainStatusFlags.NotTimeValid) != 0;
            check.Refusal = expired ? TlsRefusal.Expired : TlsRefusal.UnknownCa;
            check.Detail = expired
                ? $"certificate {cert.Subject} (serial {cert.SerialNumber}) is not valid now: {cert.NotBefore.ToUniversalTime():u} to {cert.NotAfter.ToUniversalTime():u}"
                : $"certificate {cert.Subject} issued by {cert.Issuer} does not chain to the {(loaded.Roots is null ? "system's trusted roots" : "configured CA")} ({status})";
            return false;
        }
        if (!server && (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            check.Refusal = TlsRefusal.WrongName;
            check.Detail = $"certificate {cert.Subject} does not name the address connected to";
            return false;
        }
        return true;
    }

    private Loaded Current()
    {
        lock (_gate)
        {
            if (_loaded.Stamp != Stamp())
            {
                try
                {
                    _loaded = Load();
                }
                catch (Exception e) when (e is IOException or CryptographicException or ArgumentException or UnauthorizedAccessException)
                {
                    // A rotation caught half-written: keep the previous material and try again at the next association.
                    return _loaded;
                }
            }
            return _loaded;
        }
    }

    private string Stamp() => string.Join('|', new[] { CertificateFile, KeyFile, CaFile }
        .Select(f => f is null ? "-" : File.Exists(f) ? $"{File.GetLastWriteTimeUtc(f).Ticks}:{new FileInfo(f).Length}" : "missing"));

    private Loaded Load()
    {
        string stamp = Stamp();
        X509Certificate2? certificate = null;
        SslStreamCertificateContext? context = null;
        if (CertificateFile is not null && KeyFile is not null)
        {
            certificate = X509Certificate2.CreateFromPemFile(CertificateFile, KeyFile);
            context = SslStreamCertificateContext.Create(certificate, additionalCertificates: null, offline: true);
        }
        X509Certificate2Collection? roots = null;
        if (CaFile is not null)
        {
            roots = [];
            roots.ImportFromPemFile(CaFile);
            if (roots.Count == 0)
            {
                throw new ArgumentException($"{CaFile} holds no certificate");
            }
        }
        return new Loaded(stamp, certificate, context, roots);
    }

    private sealed record Loaded(string Stamp, X509Certificate2? Certificate, SslStreamCertificateContext? Context, X509Certificate2Collection? Roots);
}
