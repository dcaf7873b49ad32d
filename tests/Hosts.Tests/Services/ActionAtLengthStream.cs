namespace RSerPool.Hosts.Tests.Services;

/// <summary>Writes through to <paramref name="inner"/> and runs <paramref name="action"/> once, when the length first reaches <paramref name="length"/>.</summary>
public sealed class ActionAtLengthStream(Stream inner, long length, Action action) : Stream
{
    private bool _done;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => inner.Length;

    public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count)
    {
        inner.Write(buffer, offset, count);
        if (!_done && inner.Length >= length)
        {
            _done = true;
            action();
        }
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await inner.WriteAsync(buffer, cancellationToken);
        if (!_done && inner.Length >= length)
        {
            _done = true;
            action();
        }
    }
}
