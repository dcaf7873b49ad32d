using System.Net.Sockets;
using RSerPool.Wire.Session;

namespace RSerPool.Actors.Tests.Session;

/// <summary>A raw shim peer over a connected socket, for PE-side tests.</summary>
internal sealed class ShimClient(Socket socket, TimeSpan timeout)
{
    private byte[] _buffer = new byte[64 * 1024];
    private int _length;

    public Task WriteAsync(ShimFrame frame) => WriteRawAsync(ShimEncoder.EncodeToArray(frame));

    public async Task WriteRawAsync(byte[] bytes)
    {
        int sent = 0;
        while (sent < bytes.Length)
        {
            sent += await socket.SendAsync(bytes.AsMemory(sent), SocketFlags.None);
        }
    }

    /// <summary>The next frame, or null when the peer closed the connection.</summary>
    public async Task<ShimFrame?> ReadAsync()
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            var status = ShimDecoder.TryReadFrame(_buffer.AsSpan(0, _length), ShimLimits.Default, out var frame, out int consumed, out var error);
            if (status == ShimReadStatus.Frame)
            {
                Buffer.BlockCopy(_buffer, consumed, _buffer, 0, _length - consumed);
                _length -= consumed;
                return frame;
            }

            if (status == ShimReadStatus.Malformed)
            {
                throw new InvalidOperationException($"the PE sent a malformed frame: {error}");
            }

            if (_length == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            int read;
            try
            {
                read = await socket.ReceiveAsync(_buffer.AsMemory(_length), SocketFlags.None, cancel.Token);
            }
            catch (SocketException)
            {
                return null;                                           // reset by the peer
            }

            if (read == 0)
            {
                return null;
            }

            _length += read;
        }
    }
}
