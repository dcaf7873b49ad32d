namespace RSerPool.Hosts.Commands;

/// <summary>
/// Where <c>rserpool fetch</c> writes: a temporary file beside the target (same directory, so the rename stays on one
/// file system and is atomic), renamed over the target only once the whole file arrived. A failed fetch (no such
/// remote file, the PE dying mid-transfer, no registrar, a signal) deletes the temporary file and leaves an existing
/// target as it was; no empty file is left behind.
/// </summary>
public sealed class FetchTarget : IAsyncDisposable
{
    private readonly string _target;
    private readonly string _temporary;
    private bool _committed;

    private FetchTarget(string target, string temporary, FileStream stream)
    {
        _target = target;
        _temporary = temporary;
        Stream = stream;
    }

    /// <summary>The temporary file being written.</summary>
    public FileStream Stream { get; }

    /// <summary>Creates the temporary file beside <paramref name="target"/>.</summary>
    /// <exception cref="IOException">The directory does not exist or is not writable.</exception>
    /// <exception cref="UnauthorizedAccessException">The directory is not writable.</exception>
    public static FetchTarget Create(string target)
    {
        string full = Path.GetFullPath(target);
        string directory = Path.GetDirectoryName(full) ?? ".";
        string temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.part");
        return new FetchTarget(full, temporary, new FileStream(temporary, FileMode.CreateNew, FileAccess.Write));
    }

    /// <summary>The whole file arrived: flushes it to disk and renames it over the target.</summary>
    public async Task CommitAsync()
    {
        await Stream.FlushAsync().ConfigureAwait(false);
        Stream.Flush(flushToDisk: true);
        await Stream.DisposeAsync().ConfigureAwait(false);
        File.Move(_temporary, _target, overwrite: true);
        _committed = true;
    }

    /// <summary>Without <see cref="CommitAsync"/>: the temporary file is deleted, the target untouched.</summary>
    public async ValueTask DisposeAsync()
    {
        await Stream.DisposeAsync().ConfigureAwait(false);
        if (!_committed)
        {
            File.Delete(_temporary);
        }
    }
}
