using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace RSerPool.Benchmarks.Registrar;

/// <summary>
/// A benchmark ASAP client on one TCP connection (docs/protocol-notes.md §2 framing): sends a prepared batch of requests in
/// one write and reads until as many responses of the expected type have arrived (other messages, e.g. Keep Alives,
/// are skipped).
/// </summary>
public sealed class PipelinedAsapClient : IDisposable
{
    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[256 * 1024];
    private int _start;
    private int _end;

    private PipelinedAsapClient(Socket socket) => _socket = socket;

    public static async Task<PipelinedAsapClient> ConnectAsync(IPEndPoint endpoint)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(endpoint).ConfigureAwait(false);
        return new PipelinedAsapClient(socket);
    }

    /// <summary>Sends <paramref name="batch"/> and waits for <paramref name="responses"/> messages of <paramref name="responseType"/>; returns how many had flag bit 0 set.</summary>
    public async Task<int> RoundTripAsync(byte[] batch, int responses, byte responseType)
    {
        int sent = 0;
        while (sent < batch.Length)
        {
            sent += await _socket.SendAsync(batch.AsMemory(sent), SocketFlags.None).ConfigureAwait(false);
        }

        int received = 0;
        int flagged = 0;
        while (received < responses)
        {
            while (_end - _start >= 4)
            {
                int length = (BinaryPrimitives.ReadUInt16BigEndian(_buffer.AsSpan(_start + 2)) + 3) & ~3;
                if (_end - _start < length)
                {
                    break;
                }

                if (_buffer[_start] == responseType)
                {
                    received++;
                    flagged += _buffer[_start + 1] & 0x01;
                }

                _start += length;
            }

            if (received == responses)
            {
                break;
            }

            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            int read = await _socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None).ConfigureAwait(false);
            if (read == 0)
            {
                throw new InvalidOperationException("the registrar closed the connection");
            }

            _end += read;
        }

        return flagged;
    }

    public void Dispose() => _socket.Dispose();
}
