using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Messages.Asap;

namespace RSerPool.Benchmarks.Enrp;

/// <summary>
/// A raw ASAP-over-TCP client with one request in flight (docs/protocol-notes.md §2 framing) for latency probes: sends one
/// message and returns the next decoded message that is not an Endpoint Keep Alive. Every read is bounded.
/// </summary>
public sealed class AsapProbeClient : IDisposable
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(10);
    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[256 * 1024];
    private int _start;
    private int _end;

    private AsapProbeClient(Socket socket) => _socket = socket;

    public static async Task<AsapProbeClient> ConnectAsync(IPEndPoint endPoint)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(endPoint).ConfigureAwait(false);
        return new AsapProbeClient(socket);
    }

    public async Task SendAsync(AsapMessage message)
    {
        byte[] bytes = AsapEncoder.EncodeToArray(message);
        int sent = 0;
        while (sent < bytes.Length)
        {
            sent += await _socket.SendAsync(bytes.AsMemory(sent), SocketFlags.None).ConfigureAwait(false);
        }
    }

    public async Task<AsapMessage> RequestAsync(AsapMessage request)
    {
        await SendAsync(request).ConfigureAwait(false);
        return await ReceiveAsync().ConfigureAwait(false);
    }

    public Task<AsapMessage> ReceiveAsync() => ReceiveAsync(skipKeepAlives: true);

    /// <summary>The next decoded message; Endpoint Keep Alives too unless <paramref name="skipKeepAlives"/>.</summary>
    public async Task<AsapMessage> ReceiveAsync(bool skipKeepAlives)
    {
        using var timeout = new CancellationTokenSource(ReadTimeout);
        while (true)
        {
            while (_end - _start >= 4)
            {
                int length = (BinaryPrimitives.ReadUInt16BigEndian(_buffer.AsSpan(_start + 2)) + 3) & ~3;
                if (_end - _start < length)
                {
                    break;
                }

                AsapMessage message = AsapDecoder.Decode(_buffer.AsSpan(_start, length));
                _start += length;
                if (!skipKeepAlives || message is not AsapEndpointKeepAlive)
                {
                    return message;
                }
            }

            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            int read = await _socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None, timeout.Token).ConfigureAwait(false);
            if (read == 0)
            {
                throw new IOException("the registrar closed the connection");
            }

            _end += read;
        }
    }

    public void Dispose() => _socket.Dispose();
}
