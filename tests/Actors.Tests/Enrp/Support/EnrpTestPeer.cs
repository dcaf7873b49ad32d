// A raw ENRP-over-TCP peer (docs/protocol-notes.md §2 framing) for real-socket registrar specs.
using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Messages.Enrp;
using Xunit;

namespace RSerPool.Actors.Tests.Enrp.Support;

internal sealed class EnrpTestPeer : IDisposable
{
    private readonly Socket _socket;
    private readonly TimeSpan _timeout;

    private EnrpTestPeer(Socket socket, TimeSpan timeout)
    {
        _socket = socket;
        _timeout = timeout;
    }

    public static async Task<EnrpTestPeer> ConnectAsync(IPEndPoint registrar, TimeSpan timeout)
    {
        var socket = new Socket(registrar.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var cancel = new CancellationTokenSource(timeout);
        await socket.ConnectAsync(registrar, cancel.Token);
        return new EnrpTestPeer(socket, timeout);
    }

    public static async Task<EnrpTestPeer> AcceptAsync(Socket listener, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var socket = await listener.AcceptAsync(cancel.Token);
        return new EnrpTestPeer(socket, timeout);
    }

    public Task SendAsync(EnrpMessage message) => SendRawAsync(EnrpEncoder.EncodeToArray(message));

    public async Task SendRawAsync(byte[] bytes)
    {
        int sent = 0;
        while (sent < bytes.Length)
        {
            sent += await _socket.SendAsync(bytes.AsMemory(sent), SocketFlags.None);
        }
    }

    public async Task<EnrpMessage> ReceiveAsync()
    {
        var header = new byte[4];
        Assert.True(await ReceiveExactlyAsync(header), "the registrar closed the connection while a message was expected");
        int length = BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(2));
        var message = new byte[(length + 3) & ~3];
        header.CopyTo(message, 0);
        Assert.True(await ReceiveExactlyAsync(message.AsMemory(4)), "the registrar closed the connection inside a message");
        return EnrpDecoder.Decode(message);
    }

    /// <summary>The next message of type <typeparamref name="T"/> matching <paramref name="isMessage"/>, skipping others (at most 100).</summary>
    public async Task<T> ReceiveAsync<T>(Func<T, bool>? isMessage = null)
        where T : EnrpMessage
    {
        for (int i = 0; i < 100; i++)
        {
            if (await ReceiveAsync() is T typed && (isMessage?.Invoke(typed) ?? true))
            {
                return typed;
            }
        }

        throw new Xunit.Sdk.XunitException($"no {typeof(T).Name} among 100 messages");
    }

    /// <summary>True when the registrar closed the connection within the timeout.</summary>
    public async Task<bool> IsClosedByPeerAsync()
    {
        var buffer = new byte[1024];
        using var cancel = new CancellationTokenSource(_timeout);
        try
        {
            while (true)
            {
                if (await _socket.ReceiveAsync(buffer, SocketFlags.None, cancel.Token) == 0)
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
