using System.Net;
using System.Net.Sockets;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Messages.Asap;

namespace RSerPool.Hosts.Tests.Support;

/// <summary>A raw ASAP-over-TCP client (docs/protocol-notes.md §2 framing) for process tests; every read has a bounded timeout.</summary>
public sealed class AsapClient : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    public static async Task<AsapClient> ConnectAsync(IPEndPoint endPoint) => await ConnectAsync(endPoint, null).ConfigureAwait(false);

    /// <summary>
    /// Connects from <paramref name="local"/> (address reuse on, so several clients can share one local port towards
    /// different registrars, as one ASAP endpoint of a PE would).
    /// </summary>
    public static async Task<AsapClient> ConnectAsync(IPEndPoint endPoint, IPEndPoint? local)
    {
        var client = new AsapClient();
        if (local is not null)
        {
            client._socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            client._socket.Bind(local);
        }
        await client._socket.ConnectAsync(endPoint).ConfigureAwait(false);
        return client;
    }

    public IPEndPoint LocalEndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    public async Task SendAsync(AsapMessage message)
    {
        var bytes = AsapEncoder.EncodeToArray(message);
        await _socket.SendAsync(bytes, SocketFlags.None).ConfigureAwait(false);
    }

    /// <summary>Sends bytes as they are (several messages at once, or a broken one).</summary>
    public async Task SendRawAsync(byte[] bytes) => await _socket.SendAsync(bytes, SocketFlags.None).ConfigureAwait(false);

    /// <summary>Half-closes: no more sends, the answers can still be read.</summary>
    public void ShutdownSend() => _socket.Shutdown(SocketShutdown.Send);

    /// <summary>Reads the next message, skipping Endpoint Keep Alives unless <paramref name="keepAlives"/> is set.</summary>
    public async Task<AsapMessage> ReceiveAsync(bool keepAlives = false)
    {
        while (true)
        {
            var header = new byte[4];
            await ReadExactlyAsync(header).ConfigureAwait(false);
            int length = (header[2] << 8) | header[3];
            var message = new byte[(length + 3) & ~3];
            header.CopyTo(message, 0);
            await ReadExactlyAsync(message.AsMemory(4)).ConfigureAwait(false);
            var decoded = AsapDecoder.Decode(message);
            if (keepAlives || decoded is not AsapEndpointKeepAlive)
            {
                return decoded;
            }
        }
    }

    /// <summary>Waits (bounded) until the registrar closes the connection, skipping whatever it still sends.</summary>
    public async Task WaitUntilClosedAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var buffer = new byte[4096];
        while (await _socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token).ConfigureAwait(false) > 0)
        {
        }
    }

    private async Task ReadExactlyAsync(Memory<byte> buffer)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        int read = 0;
        while (read < buffer.Length)
        {
            int n = await _socket.ReceiveAsync(buffer[read..], SocketFlags.None, timeout.Token).ConfigureAwait(false);
            if (n == 0)
            {
                throw new IOException("the registrar closed the connection");
            }
            read += n;
        }
    }

    public void Dispose() => _socket.Dispose();
}
