using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RSerPool.Actors.Tests.Transport;

/// <summary>A CA and certificates signed by it as PEM files in a temporary directory, made with CertificateRequest.</summary>
public sealed class TestCertificates : IDisposable
{
    private readonly X509Certificate2 _ca;

    public TestCertificates()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("rserpool-tls-spec-").FullName;
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Spec CA", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        _ca = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllText(CaFile, _ca.ExportCertificatePem());
    }

    public string Directory { get; }

    public string CaFile => Path.Combine(Directory, "ca.pem");

    /// <summary>Writes NAME.pem and NAME.key (CN=<paramref name="commonName"/>, SAN localhost and 127.0.0.1) and returns their paths.</summary>
    public (string Certificate, string Key, string Serial) Issue(string name, string commonName)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        using var certificate = request.Create(_ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(30), RandomNumberGenerator.GetBytes(8));
        string certFile = Path.Combine(Directory, $"{name}.pem");
        string keyFile = Path.Combine(Directory, $"{name}.key");
        File.WriteAllText(certFile, certificate.ExportCertificatePem());
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
        return (certFile, keyFile, certificate.SerialNumber);
    }

    public void Dispose()
    {
        _ca.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
