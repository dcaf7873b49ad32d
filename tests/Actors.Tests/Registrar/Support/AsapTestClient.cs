// A raw ASAP-over-TCP client (docs/protocol-notes.md §2 framing: messages back to back, length from the common header).
using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Messages.Asap;
using Xunit;

namespace RSerPool.Actors.Tests.Registrar.Support;

internal sealed class AsapTestClient : IDisposable
{
    private readonly Socket _socket;
    private readonly TimeSpan _timeout;

    private AsapTestClient(Socket socket, TimeSpan timeout)
    {
        _socket = socket;
        _timeout = timeout;
    }

    public static async Task<AsapTestClient> ConnectAsync(IPEndPoint registrar, TimeSpan timeout)
    {
        var socket = new Socket(registrar.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var cancel = new CancellationTokenSource(timeout);
        await socket.ConnectAsync(registrar, cancel.Token);
        return new AsapTestClient(socket, timeout);
    }

    public Task SendAsync(AsapMessage message) => SendRawAsync(AsapEncoder.EncodeToArray(message));

    public async Task SendRawAsync(byte[] bytes)
    {
        int sent = 0;
        while (sent < bytes.Length)
        {
            sent += await _socket.SendAsync(bytes.AsMemory(sent), SocketFlags.None);
        }
    }

    /// <summary>The next message from the registrar (fails when none arrives within the timeout or the connection ends).</summary>
    public async Task<AsapMessage> ReceiveAsync()
    {
        var header = new byte[4];
        Assert.True(await ReceiveExactlyAsync(header), "the registrar closed the connection while a message was expected");
        int length = BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(2));
        var message = new byte[(length + 3) & ~3];
        header.CopyTo(message, 0);
        Assert.True(await ReceiveExactlyAsync(message.AsMemory(4)), "the registrar closed the connection inside a message");
        return AsapDecoder.Decode(message);
    }

    public async Task<T> ReceiveAsync<T>()
        where T : AsapMessage => Assert.IsType<T>(await ReceiveAsync());

    /// <summary>True when the registrar closed the connection (end of stream or reset) within the timeout.</summary>
    public async Task<bool> IsClosedByPeerAsync()
    {
        var buffer = new byte[256];
        using var cancel = new CancellationTokenSource(_timeout);
        try
        {
            while (true)
            {
                int read = await _socket.ReceiveAsync(buffer, SocketFlags.None, cancel.Token);
                if (read == 0)
                {
                    return true;
                }
            }
        }
        catch (SocketException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public void Close() => _socket.Close();

    public void Dispose() => _socket.Dispose();

    private async Task<bool> ReceiveExactlyAsync(Memory<byte> buffer)
    {
        using var cancel = new CancellationTokenSource(_timeout);
        int read = 0;
        while (read < buffer.Length)
        {
            int n = await _socket.ReceiveAsync(buffer[read..], SocketFlags.None, cancel.Token);
            if (n == 0)
            {
                return false;
            }

            read += n;
        }

        return true;
    }
}
