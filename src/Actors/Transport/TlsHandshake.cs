using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;

namespace RSerPool.Actors.Transport;

/// <summary>
/// Runs the TLS handshake of one connected TCP socket before its first ASAP or ENRP frame (README "TLS"): as the
/// server for accepted connections, as the client (validating the address it connected to) otherwise. Frames then go
/// byte for byte inside the TLS stream.
/// </summary>
internal static class TlsHandshake
{
    public static async Task<TlsEstablished> RunAsync(Socket socket, TlsCredentials tls, bool server, CancellationToken stop)
    {
        var stream = new SslStream(new NetworkStream(socket, ownsSocket: false), leaveInnerStreamOpen: false);
        var check = new TlsCheck();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
        timeout.CancelAfter(tls.HandshakeTimeout);
        try
        {
            if (server)
            {
                await stream.AuthenticateAsServerAsync(tls.ServerOptions(check), timeout.Token).ConfigureAwait(false);
            }
            else
            {
                string target = (socket.RemoteEndPoint as IPEndPoint)?.Address.ToString() ?? "localhost";
                await stream.AuthenticateAsClientAsync(tls.ClientOptions(target, check), timeout.Token).ConfigureAwait(false);
            }
            return new TlsEstablished(stream, TlsCredentials.IdentityOf(stream.RemoteCertificate));
        }
        catch (Exception e) when (e is AuthenticationException or IOException or SocketException or OperationCanceledException or TlsHandshakeException)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            bool timedOut = e is OperationCanceledException && !stop.IsCancellationRequested;
            // A server whose peer never reached the certificate exchange (a plaintext client) got no certificate.
            bool noHandshake = server && !check.Checked && e is AuthenticationException && tls.RequiresClientCertificate;
            var refusal = check.Refusal
                ?? (e as TlsHandshakeException)?.Refusal
                ?? (timedOut ? TlsRefusal.Timeout : noHandshake ? TlsRefusal.NoCertificate : TlsRefusal.HandshakeFailed);
            string detail = timedOut ? $"no TLS handshake within {tls.HandshakeTimeout.TotalSeconds:0.###} s"
                : check.Detail is { } checkDetail ? checkDetail
                : noHandshake ? $"no TLS handshake, no certificate (a plaintext client?): {e.Message}"
                : e.Message;
            throw new TlsHandshakeException(refusal, detail, e);
        }
    }
}
