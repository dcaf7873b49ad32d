using System.Text;
using RSerPool.Hosts.Services;
using Xunit;

namespace RSerPool.Hosts.Tests.Services;

public sealed class FilesServiceTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("rserpool-files-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_transfer_resumed_at_its_offset_on_another_pe_gives_the_whole_file()
    {
        var content = Enumerable.Range(0, 10_000).Select(i => (byte)(i * 7)).ToArray();
        File.WriteAllBytes(Path.Combine(_directory, "data.bin"), content);
        var firstPe = new FilesService(_directory, chunkLength: 4096);
        var secondPe = new FilesService(_directory, chunkLength: 4096);

        var received = new MemoryStream();
        long offset = 0;
        for (int request = 0; request < 10; request++)
        {
            var server = request < 1 ? firstPe : secondPe; // the first PE dies after one chunk
            var answer = server.Answer(FileTransferProtocol.EncodeRequest("data.bin", offset));
            Assert.True(FileTransferProtocol.TryDecodeAnswer(answer, out byte kind, out long value));
            if (kind == FileTransferProtocol.EndKind)
            {
                Assert.Equal(content.Length, value);
                break;
            }
            Assert.Equal(FileTransferProtocol.DataKind, kind);
            Assert.Equal(offset, value);
            received.Write(answer, FileTransferProtocol.HeaderLength, answer.Length - FileTransferProtocol.HeaderLength);
            offset = received.Length;
        }
        Assert.Equal(content, received.ToArray());
    }

    [Theory]
    [InlineData("GET ../secret 0")]
    [InlineData("GET sub/file 0")]
    [InlineData("GET .hidden 0")]
    [InlineData("GET missing 0")]
    [InlineData("PUT data.bin 0")]
    [InlineData("GET data.bin -1")]
    [InlineData("GET data.bin")]
    public void Bad_or_unreachable_requests_are_refused_with_a_reason(string request)
    {
        File.WriteAllBytes(Path.Combine(_directory, "data.bin"), [1, 2, 3]);
        var answer = new FilesService(_directory).Answer(Encoding.UTF8.GetBytes(request));
        Assert.Equal(FileTransferProtocol.ErrorKind, answer[0]);
        Assert.True(answer.Length > 1);
    }

    [Fact]
    public void A_symlink_to_a_file_outside_the_directory_is_refused_as_not_found()
    {
        string outside = Path.Combine(Directory.CreateTempSubdirectory("rserpool-outside-").FullName, "secret");
        try
        {
            File.WriteAllText(outside, "secret");
            File.CreateSymbolicLink(Path.Combine(_directory, "link"), outside);
            File.CreateSymbolicLink(Path.Combine(_directory, "relative"), Path.Combine("..", Path.GetFileName(Path.GetDirectoryName(outside)!), "secret"));

            var service = new FilesService(_directory);
            foreach (string name in new[] { "link", "relative" })
            {
                var answer = service.Answer(FileTransferProtocol.EncodeRequest(name, 0));
                Assert.Equal(FileTransferProtocol.ErrorKind, answer[0]);
                Assert.Contains("FileNotFoundException", Encoding.UTF8.GetString(answer), StringComparison.Ordinal);
                Assert.DoesNotContain("secret", Encoding.UTF8.GetString(answer, 1, answer.Length - 1).Replace($"'{name}'", "", StringComparison.Ordinal), StringComparison.Ordinal);
            }
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(outside)!, recursive: true);
        }
    }

    [Fact]
    public void A_symlink_to_a_file_inside_the_directory_is_served_and_a_subdirectory_is_not()
    {
        File.WriteAllBytes(Path.Combine(_directory, "data.bin"), [1, 2, 3]);
        File.CreateSymbolicLink(Path.Combine(_directory, "alias"), "data.bin");
        Directory.CreateDirectory(Path.Combine(_directory, "sub"));
        var service = new FilesService(_directory);

        var answer = service.Answer(FileTransferProtocol.EncodeRequest("alias", 0));
        Assert.Equal(FileTransferProtocol.DataKind, answer[0]);
        Assert.Equal([1, 2, 3], answer[FileTransferProtocol.HeaderLength..]);
        Assert.Equal(FileTransferProtocol.ErrorKind, service.Answer(FileTransferProtocol.EncodeRequest("sub", 0))[0]);
    }
}
