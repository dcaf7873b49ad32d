using System.Net.Sockets;
using System.Threading.Channels;

namespace RSerPool.Actors.Transport;

/// <summary>
/// The write loop of the stream wire actors: takes every frame already queued (up to a batch limit) and writes them
/// with one gathered send, so frames sent in a burst share a system call and a TCP segment instead of one each.
/// Frames go out whole and in queue order. Socket errors propagate to the caller.
/// <para>
/// A queue made by <see cref="CreateWriteThroughQueue"/> resumes an idle loop on the thread that queues the frame, so
/// a frame sent to an idle connection leaves at once instead of after a thread-pool hop (about 1 ms of the session
/// failover's latency, docs/bench-akka.md); the loop then moves back to the thread pool, so a burst queued meanwhile
/// is still gathered into one send and the queuing actor only ever pays for one send.
/// </para>
/// </summary>
internal static class BatchedSocketWriter
{
    public const int MaxBatchFrames = 64;
    public const int MaxBatchBytes = 64 * 1024;

    /// <summary>A single-writer frame queue whose idle write loop resumes on the writer's thread (see the remarks).</summary>
    public static Channel<byte[]> CreateWriteThroughQueue() =>
        Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true, AllowSynchronousContinuations = true });

    /// <summary>Writes until <paramref name="frames"/> completes; <paramref name="written"/> gets the bytes of each batch once sent.</summary>
    public static async Task WriteAllAsync(Socket socket, ChannelReader<byte[]> frames, Action<int> written, CancellationToken cancel, bool writeThrough = false)
    {
        var batch = new List<ArraySegment<byte>>(MaxBatchFrames);
        while (true)
        {
            var waiting = frames.WaitToReadAsync(cancel);
            bool resumedByWriter = writeThrough && !waiting.IsCompleted;
            if (!await waiting.ConfigureAwait(false))
            {
                break;
            }

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
            if (resumedByWriter)
            {
                await Task.Yield();                                   // give the writer's thread back
            }
        }
    }

    /// <summary>
    /// The same over a TLS stream: each batch is copied into one buffer and written at once, so a burst of frames
    /// shares TLS records as it shares segments in plaintext.
    /// </summary>
    public static async Task WriteAllAsync(Stream stream, ChannelReader<byte[]> frames, Action<int> written, CancellationToken cancel)
    {
        var buffer = new byte[MaxBatchBytes];
        while (await frames.WaitToReadAsync(cancel).ConfigureAwait(false))
        {
            int bytes = 0;
            int count = 0;
            while (count < MaxBatchFrames && bytes < MaxBatchBytes && frames.TryPeek(out var frame))
            {
                if (bytes > 0 && bytes + frame.Length > buffer.Length)
                {
                    break;
                }
                frames.TryRead(out _);
                count++;
                if (frame.Length > buffer.Length)
                {
                    await stream.WriteAsync(frame, cancel).ConfigureAwait(false);
                    written(frame.Length);
                    continue;
                }
                frame.CopyTo(buffer, bytes);
                bytes += frame.Length;
            }
            if (bytes > 0)
            {
                await stream.WriteAsync(buffer.AsMemory(0, bytes), cancel).ConfigureAwait(false);
                written(bytes);
            }
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
