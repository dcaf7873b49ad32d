using RSerPool.Actors.Api;
using RSerPool.Actors.Session;

namespace RSerPool.Hosts.Services;

/// <summary>
/// Serves the regular files directly inside one directory: each <c>GET name offset</c> is answered with one chunk of at
/// most <see cref="ChunkLength"/> bytes from that offset (or End at the end of the file). The client asks chunk after
/// chunk, so a transfer resumes at the client's offset on whichever PE serves it after a failover (services draft §4.3).
/// Names with path separators or starting with '.' are refused, and a name is served only when its real path (symlinks
/// resolved) is a regular file directly inside the directory: a symlink leading outside it answers as a missing file
/// (issue 17; docs/network-trust.md). Nothing outside the directory is reachable.
/// </summary>
public sealed class FilesService(string directory, int chunkLength = FilesService.DefaultChunkLength) : IPoolElementService
{
    public const int DefaultChunkLength = 16 * 1024;
    private readonly string _directory = Path.GetFullPath(directory);
    private readonly string _realDirectory = RealDirectory(Path.GetFullPath(directory));

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
        try
        {
            if (ServedPath(name) is not { } path)
            {
                return FileTransferProtocol.EncodeError($"cannot read '{name}': {nameof(FileNotFoundException)}");
            }

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

    // The file's real path when it is a regular file directly inside the directory, else null (missing, a directory,
    // or a symlink whose final target lies elsewhere).
    private string? ServedPath(string name)
    {
        var file = new FileInfo(Path.Combine(_realDirectory, name));
        FileSystemInfo target = file.LinkTarget is null ? file : file.ResolveLinkTarget(returnFinalTarget: true) ?? file;
        string real = Path.GetFullPath(target.FullName);
        string? parent = Path.GetDirectoryName(real);
        bool inside = string.Equals(parent, _realDirectory, StringComparison.Ordinal) || string.Equals(parent, _directory, StringComparison.Ordinal);
        return inside && File.Exists(real) && (File.GetAttributes(real) & FileAttributes.Directory) == 0 ? real : null;
    }

    private static string RealDirectory(string directory)
    {
        try
        {
            return new DirectoryInfo(directory).ResolveLinkTarget(returnFinalTarget: true) is { } target
                ? Path.GetFullPath(target.FullName).TrimEnd(Path.DirectorySeparatorChar)
                : directory.TrimEnd(Path.DirectorySeparatorChar);
        }
        catch (IOException)
        {
            return directory.TrimEnd(Path.DirectorySeparatorChar);   // a missing directory: every request answers "not found"
        }
    }
}
