using System.Buffers.Binary;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace RSerPool.Benchmarks.Tls;

/// <summary>
/// One ASAP connection over a <see cref="Stream"/>: plain TCP (<see cref="NetworkStream"/>) or TLS (<see cref="SslStream"/>
/// with a client certificate), so that the TLS cost harness measures both through the same client code.
/// </summary>
public sealed class StreamAsapClient : IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    private StreamAsapClient(Stream stream) => _stream = stream;

    /// <summary>Connects; with <paramref name="clientCertificate"/> runs a TLS handshake validating the server against <paramref name="ca"/>.</summary>
    public static async Task<StreamAsapClient> ConnectAsync(IPEndPoint endpoint, X509Certificate2? clientCertificate, X509Certificate2? ca)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(endpoint).ConfigureAwait(false);
        Stream stream = new NetworkStream(socket, ownsSocket: true);
        if (clientCertificate is not null)
        {
            var tls = new SslStream(stream, leaveInnerStreamOpen: false);
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = endpoint.Address.ToString(),
                ClientCertificates = [clientCertificate],
                CertificateChainPolicy = ca is null ? null : TrustOnly(ca),
            }).ConfigureAwait(false);
            stream = tls;
        }

        return new StreamAsapClient(stream);
    }

    /// <summary>Sends <paramref name="request"/> and reads until one message of <paramref name="responseType"/> arrived.</summary>
    public async Task RoundTripAsync(byte[] request, byte responseType)
    {
        await _stream.WriteAsync(request).ConfigureAwait(false);
        while (true)
        {
            while (_end - _start >= 4)
            {
                int length = (BinaryPrimitives.ReadUInt16BigEndian(_buffer.AsSpan(_start + 2)) + 3) & ~3;
                if (_end - _start < length)
                {
                    break;
                }

                bool wanted = _buffer[_start] == responseType;
                _start += length;
                if (wanted)
                {
                    return;
                }
            }

            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            int read = await _stream.ReadAsync(_buffer.AsMemory(_end)).ConfigureAwait(false);
            if (read == 0)
            {
                throw new InvalidOperationException("the registrar closed the connection");
            }

            _end += read;
        }
    }

    public ValueTask DisposeAsync() => _stream.DisposeAsync();

    private static X509ChainPolicy TrustOnly(X509Certificate2 ca)
    {
        var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
        policy.CustomTrustStore.Add(ca);
        return policy;
    }
}
