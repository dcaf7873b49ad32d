using RSerPool.Hosts.Commands;
using Xunit;

namespace RSerPool.Hosts.Tests.Commands;

/// <summary>Issue 16 item 1: fetch writes beside the target and renames only a complete file over it.</summary>
public sealed class FetchTargetTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("rserpool-fetch-target-").FullName;

    [Fact]
    public async Task A_transfer_that_ends_without_commit_leaves_the_existing_target_and_no_temporary_file()
    {
        string target = Path.Combine(_directory, "precious.txt");
        await File.WriteAllTextAsync(target, "precious");
        await using (var file = FetchTarget.Create(target))
        {
            await file.Stream.WriteAsync("half a fi"u8.ToArray());   // the PE died here
        }

        Assert.Equal("precious", await File.ReadAllTextAsync(target));
        Assert.Equal([target], Directory.GetFiles(_directory));
    }

    [Fact]
    public async Task A_transfer_that_ends_without_commit_creates_no_target()
    {
        string target = Path.Combine(_directory, "new.txt");
        await using (var file = FetchTarget.Create(target))
        {
            Assert.False(File.Exists(target)); // nothing at the target while the transfer runs
        }

        Assert.Empty(Directory.GetFiles(_directory));
    }

    [Fact]
    public async Task A_committed_transfer_replaces_the_target()
    {
        string target = Path.Combine(_directory, "precious.txt");
        await File.WriteAllTextAsync(target, "precious");
        await using (var file = FetchTarget.Create(target))
        {
            await file.Stream.WriteAsync("the whole file"u8.ToArray());
            Assert.Equal("precious", await File.ReadAllTextAsync(target));
            await file.CommitAsync();
        }

        Assert.Equal("the whole file", await File.ReadAllTextAsync(target));
        Assert.Equal([target], Directory.GetFiles(_directory));
    }

    [Fact]
    public void A_target_in_a_missing_directory_is_an_io_error()
    {
        Assert.ThrowsAny<IOException>(() => FetchTarget.Create(Path.Combine(_directory, "no-such-dir", "x.txt")));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
