using System.Net;
using System.Security.Cryptography.X509Certificates;
using RSerPool.Hosts.Certificates;

namespace RSerPool.Hosts.Tests.Support;

/// <summary>
/// Certificates for TLS tests made by <c>rserpool certs create</c> (Good: ca, registrar, pe, pu, peer; Other: a second
/// CA with the same roles) plus an expired pe certificate of the good CA (Expired.pem/key), in a temporary directory.
/// </summary>
public sealed class TlsCertificates : IDisposable
{
    public TlsCertificates()
    {
        Root = Directory.CreateTempSubdirectory("rserpool-tls-").FullName;
        Create(Good);
        Create(Other);
        using var ca = X509Certificate2.CreateFromPemFile(File("ca.pem"), File("ca.key"));
        var now = DateTimeOffset.UtcNow;
        // Valid from the CA's start (a few minutes ago) until a minute ago: a certificate of the right CA, expired.
        using var expired = CertificateMaker.Issue(ca, "pe", ["localhost"], [IPAddress.Loopback], new DateTimeOffset(ca.NotBefore), now.AddMinutes(-1));
        CertificateMaker.WritePem(expired, ExpiredCertificate, ExpiredKey);
        System.IO.File.WriteAllText(BothCas, System.IO.File.ReadAllText(File("ca.pem")) + System.IO.File.ReadAllText(Path.Combine(Other, "ca.pem")));
    }

    public string Root { get; }

    public string Good => Path.Combine(Root, "good");

    public string Other => Path.Combine(Root, "other");

    /// <summary>A CA file trusting both CAs (an intruder that accepts everyone).</summary>
    public string BothCas => Path.Combine(Root, "both-ca.pem");

    public string ExpiredCertificate => Path.Combine(Root, "expired.pem");

    public string ExpiredKey => Path.Combine(Root, "expired.key");

    /// <summary>A file of the good set (ca.pem, registrar.pem, pe.key, ...).</summary>
    public string File(string name) => Path.Combine(Good, name);

    /// <summary>The --tls-* flags of <paramref name="role"/> in the good set.</summary>
    public string[] Flags(string role) => ["--tls-cert", File($"{role}.pem"), "--tls-key", File($"{role}.key"), "--tls-ca", File("ca.pem")];

    /// <summary>Runs <c>rserpool certs create --out <paramref name="directory"/></c> with <paramref name="extra"/> flags; throws unless it succeeds.</summary>
    public static void Create(string directory, params string[] extra)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = Program.Run(["certs", "create", "--out", directory, .. extra], TextReader.Null, stdout, stderr);
        if (exit != 0)
        {
            throw new InvalidOperationException($"rserpool certs create exited {exit}: {stderr}");
        }
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
