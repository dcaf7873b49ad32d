using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace RSerPool.Benchmarks.Tls;

/// <summary>One side of <see cref="TlsCostHarness"/>: a registrar's endpoint and how to connect to it (plaintext when no certificate).</summary>
internal sealed record TlsCostMode(string Name, IPEndPoint EndPoint, X509Certificate2? ClientCertificate, X509Certificate2? Ca)
{
    public Task<StreamAsapClient> ConnectAsync() => StreamAsapClient.ConnectAsync(EndPoint, ClientCertificate, Ca);
}
