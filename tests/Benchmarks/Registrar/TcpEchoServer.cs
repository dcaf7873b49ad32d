using System.Net;
using System.Net.Sockets;

namespace RSerPool.Benchmarks.Registrar;

/// <summary>The baseline of issue 4 benchmark 2: a plain .NET TCP server that writes back whatever it reads.</summary>
public sealed class TcpEchoServer : IDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Socket> _connections = [];

    public TcpEchoServer()
    {
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(512);
        _ = AcceptLoopAsync();
    }

    public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndPoint!;

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Dispose();
        lock (_connections)
        {
            foreach (var connection in _connections)
            {
                connection.Dispose();
            }
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        try
        {
            while (true)
            {
                var connection = await _listener.AcceptAsync(_stop.Token).ConfigureAwait(false);
                connection.NoDelay = true;
                lock (_connections)
                {
                    _connections.Add(connection);
                }

                _ = EchoAsync(connection);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Disposed: the benchmark is over.
            return;
        }
    }

    private async Task EchoAsync(Socket connection)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                int read = await connection.ReceiveAsync(buffer, SocketFlags.None, _stop.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    return;
                }

                int sent = 0;
                while (sent < read)
                {
                    sent += await connection.SendAsync(buffer.AsMemory(sent, read - sent), SocketFlags.None, _stop.Token).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Disposed or reset: this connection is over.
            return;
        }
    }
}
