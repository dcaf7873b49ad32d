using System.Net.Sockets;
using System.Threading.Channels;

namespace RSerPool.Actors.Transport;

/// <summary>
/// The write loop of the stream wire actors: takes every frame already queued (up to a batch limit) and writes them
/// with one gathered send, so frames sent in a burst share a system call and a TCP segment instead of one each.
/// Frames go out whole and in queue order. Socket errors propagate to the caller.
/// </summary>
internal static class BatchedSocketWriter
{
    public const int MaxBatchFrames = 64;
    public const int MaxBatchBytes = 64 * 1024;

    /// <summary>Writes until <paramref name="frames"/> completes; <paramref name="written"/> gets the bytes of each batch once sent.</summary>
    public static async Task WriteAllAsync(Socket socket, ChannelReader<byte[]> frames, Action<int> written, CancellationToken cancel)
    {
        var batch = new List<ArraySegment<byte>>(MaxBatchFrames);
        while (await frames.WaitToReadAsync(cancel).ConfigureAwait(false))
        {
            batch.Clear();
            int bytes = 0;
            while (batch.Count < MaxBatchFrames && bytes < MaxBatchBytes && frames.TryRead(out var frame))
            {
                batch.Add(frame);
                bytes += frame.Length;
            }
            if (batch.Count == 1)
            {
                await SendAllAsync(socket, batch[0], cancel).ConfigureAwait(false);
            }
            else
            {
                await SendAllAsync(socket, batch, cancel).ConfigureAwait(false);
            }
            written(bytes);
        }
    }

    private static async Task SendAllAsync(Socket socket, ArraySegment<byte> frame, CancellationToken cancel)
    {
        int sent = 0;
        while (sent < frame.Count)
        {
            sent += await socket.SendAsync(frame.AsMemory(sent), SocketFlags.None, cancel).ConfigureAwait(false);
        }
    }

    private static async Task SendAllAsync(Socket socket, List<ArraySegment<byte>> batch, CancellationToken cancel)
    {
        cancel.ThrowIfCancellationRequested();
        int sent = await socket.SendAsync(batch, SocketFlags.None).ConfigureAwait(false);
        // A partial gathered send: continue with what is left, frame by frame.
        foreach (var frame in batch)
        {
            if (sent >= frame.Count)
            {
                sent -= frame.Count;
                continue;
            }
            await SendAllAsync(socket, frame[sent..], cancel).ConfigureAwait(false);
            sent = 0;
        }
    }
}
