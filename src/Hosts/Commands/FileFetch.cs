using RSerPool.Actors.Api;
using RSerPool.Hosts.Services;

namespace RSerPool.Hosts.Commands;

/// <summary>
/// The transfer loop of <c>rserpool fetch</c>: one <c>GET name offset</c> at a time; answers for any other offset (late
/// duplicates after a failover) are dropped; a chunk that does not come in time is asked again, at the same offset, after
/// forcing a failover (services draft §4.3).
/// </summary>
public sealed class FileFetch(PoolSession session, string name, Stream output, TimeSpan waitPerChunk)
{
    public const int MaxAttemptsPerChunk = 5;

    public async Task<(long Bytes, string? Error)> RunAsync(CancellationToken cancel)
    {
        long offset = 0;
        int attempts = 0;
        while (true)
        {
            if (++attempts > MaxAttemptsPerChunk)
            {
                return (offset, $"no answer for offset {offset} after {MaxAttemptsPerChunk} attempts");
            }
            await session.SendAsync(FileTransferProtocol.EncodeRequest(name, offset), new SendOptions { AckRequested = true }, cancel).ConfigureAwait(false);
            using var chunkTimer = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            chunkTimer.CancelAfter(waitPerChunk);
            try
            {
                while (true)
                {
                    var answer = await session.ReceiveAsync(chunkTimer.Token).ConfigureAwait(false);
                    if (!FileTransferProtocol.TryDecodeAnswer(answer.Payload.Span, out byte kind, out long value))
                    {
                        continue;
                    }
                    if (kind == FileTransferProtocol.ErrorKind)
                    {
                        return (offset, System.Text.Encoding.UTF8.GetString(answer.Payload.Span[1..]));
                    }
                    if (kind == FileTransferProtocol.EndKind && value == offset)
                    {
                        return (offset, null);
                    }
                    if (kind == FileTransferProtocol.DataKind && value == offset)
                    {
                        var data = answer.Payload[FileTransferProtocol.HeaderLength..];
                        await output.WriteAsync(data, cancel).ConfigureAwait(false);
                        offset += data.Length;
                        attempts = 0;
                        break;
                    }
                }
            }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
            {
                await session.ForceFailoverAsync(cancel).ConfigureAwait(false);
            }
        }
    }
}
