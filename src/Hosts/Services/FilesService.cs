using RSerPool.Actors.Api;
using RSerPool.Actors.Session;

namespace RSerPool.Hosts.Services;

/// <summary>
/// Serves the regular files directly inside one directory: each <c>GET name offset</c> is answered with one chunk of at
/// most <see cref="ChunkLength"/> bytes from that offset (or End at the end of the file). The client asks chunk after
/// chunk, so a transfer resumes at the client's offset on whichever PE serves it after a failover (services draft §4.3).
/// Names with path separators or starting with '.' are refused: nothing outside the directory is reachable.
/// </summary>
public sealed class FilesService(string directory, int chunkLength = FilesService.DefaultChunkLength) : IPoolElementService
{
    public const int DefaultChunkLength = 16 * 1024;
    private readonly string _directory = Path.GetFullPath(directory);

    public int ChunkLength { get; } = chunkLength > 0 ? chunkLength : throw new ArgumentOutOfRangeException(nameof(chunkLength));

    public void OnMessage(IPoolElementSessionContext session, ReadOnlyMemory<byte> payload) => session.Send(Answer(payload.Span));

    /// <summary>The answer to one request (public for tests).</summary>
    public byte[] Answer(ReadOnlySpan<byte> request)
    {
        if (!FileTransferProtocol.TryDecodeRequest(request, out string name, out long offset))
        {
            return FileTransferProtocol.EncodeError("malformed request: expected 'GET name offset'");
        }
        if (name.StartsWith('.') || name.IndexOfAny(['/', '\\', '\0']) >= 0)
        {
            return FileTransferProtocol.EncodeError($"refused name '{name}'");
        }
        var path = Path.Combine(_directory, name);
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.None);
            if (offset >= file.Length)
            {
                return FileTransferProtocol.EncodeEnd(file.Length);
            }
            var chunk = new byte[(int)Math.Min(ChunkLength, file.Length - offset)];
            file.Position = offset;
            file.ReadExactly(chunk);
            return FileTransferProtocol.EncodeData(offset, chunk);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return FileTransferProtocol.EncodeError($"cannot read '{name}': {e.GetType().Name}");
        }
    }
}
