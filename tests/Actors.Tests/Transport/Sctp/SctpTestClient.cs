using System.Net;
using System.Net.Sockets;
using RSerPool.Actors.Transport.Sctp;
using Xunit;

namespace RSerPool.Actors.Tests.Transport.Sctp;

/// <summary>
/// A one-to-one SCTP client socket for the wire actor tests: connect, send one message with a stream and PPID, read
/// the next message with its SCTP_RCVINFO, or read until the association ends. Every wait is bounded.
/// </summary>
internal sealed class SctpTestClient : IDisposable
{
    private static readonly TimeSpan Slice = TimeSpan.FromMilliseconds(200);
    private const int MaxWaits = 100;

    private SctpTestClient(SctpSocket socket) => Socket = socket;

    public SctpSocket Socket { get; }

    public static async Task<SctpTestClient> ConnectAsync(IPEndPoint endpoint, TimeSpan timeout)
    {
        var socket = SctpSocket.Create(AddressFamily.InterNetwork);
        socket.PrepareForMessages();
        var client = new SctpTestClient(socket);
        await Task.Run(() => socket.Connect(endpoint, timeout));
        return client;
    }

    public void Send(byte[] message, uint payloadProtocolId, ushort stream = 0, bool unordered = false)
    {
        for (int attempt = 0; attempt < MaxWaits; attempt++)
        {
            if (Socket.TrySend(message, new SctpSendInfo(stream, payloadProtocolId, unordered), out int errno) == SctpSendStatus.Sent)
            {
                return;
            }
            Assert.True(errno == 11, $"sendmsg failed: errno {errno}");
            Socket.WaitReady(write: true, TimeSpan.FromMilliseconds(100));
        }
        Assert.Fail("sendmsg never had room");
    }

    /// <summary>The next data message (notifications skipped) and its receive info.</summary>
    public Task<(byte[] Bytes, SctpReceiveInfo? Info)> ReceiveAsync() => ReceiveAsync(Socket);

    /// <summary>The next whole SCTP message on <paramref name="socket"/> (notifications skipped) with its receive info.</summary>
    public static async Task<(byte[] Bytes, SctpReceiveInfo? Info)> ReceiveAsync(SctpSocket socket)
    {
        var buffer = new byte[65536];
        var control = new byte[SctpControlMessages.ReceiveControlSpace];
        int filled = 0;
        SctpReceiveInfo? info = null;
        for (int wait = 0; wait < MaxWaits; wait++)
        {
            if (!await Task.Run(() => socket.WaitReady(write: false, Slice)))
            {
                continue;
            }
            var result = socket.TryReceive(buffer, filled, control);
            Assert.NotEqual(SctpReceiveStatus.Closed, result.Status);
            Assert.NotEqual(SctpReceiveStatus.Failed, result.Status);
            if (result.Status != SctpReceiveStatus.Received || result.IsNotification)
            {
                continue;
            }
            info ??= result.Info;
            filled += result.Bytes;
            if (result.EndOfMessage)
            {
                return (buffer[..filled], info);
            }
        }
        throw new TimeoutException("no SCTP message from the association actor");
    }

    /// <summary>
    /// Reads (discarding data) until the association ends: the notification kinds seen on the way, and whether recvmsg
    /// failed (ECONNRESET after an ABORT) rather than reporting the end.
    /// </summary>
    public async Task<(IReadOnlyList<SctpEventKind> Kinds, bool Failed)> ReadUntilEndAsync()
    {
        var kinds = new List<SctpEventKind>();
        var buffer = new byte[65536];
        var control = new byte[SctpControlMessages.ReceiveControlSpace];
        for (int wait = 0; wait < MaxWaits; wait++)
        {
            if (!await Task.Run(() => Socket.WaitReady(write: false, Slice)))
            {
                continue;
            }
            while (true)
            {
                var result = Socket.TryReceive(buffer, 0, control);
                if (result.Status is SctpReceiveStatus.Closed or SctpReceiveStatus.Failed)
                {
                    return (kinds, result.Status == SctpReceiveStatus.Failed);
                }
                if (result.Status == SctpReceiveStatus.WouldBlock)
                {
                    break;
                }
                if (result.IsNotification && SctpNotifications.TryParse(buffer.AsSpan(0, result.Bytes), out var parsed))
                {
                    kinds.Add(parsed!.Kind);
                    if (parsed.EndsAssociation)
                    {
                        return (kinds, false);
                    }
                }
            }
        }
        throw new TimeoutException($"the association did not end (seen: {string.Join(", ", kinds)})");
    }

    public void Dispose() => Socket.Dispose();
}
