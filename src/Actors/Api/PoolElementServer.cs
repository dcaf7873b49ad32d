// PE side of session mode (services draft §3.3): the TCP user transport a PE registers (RFC 5354 §3.5).
using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using RSerPool.Actors.Session;
using RSerPool.Actors.Transport.Sctp;
using RSerPool.Wire.Parameters;
using RSerPool.Wire.Session;

namespace RSerPool.Actors.Api;

/// <summary>
/// Serves PU sessions for one PE: listens on a TCP endpoint and calls an <see cref="IPoolElementService"/> for each
/// session. Register <see cref="LocalEndPoint"/> (see <see cref="ToUserTransport"/>) as the PE's TCP user transport.
/// </summary>
public sealed class PoolElementServer : IAsyncDisposable
{
    private static long s_servers;
    private readonly IActorRef _actor;
    private int _disposed;

    private PoolElementServer(IActorRef actor, IPEndPoint localEndPoint, bool isSctp = false)
    {
        _actor = actor;
        LocalEndPoint = localEndPoint;
        IsSctp = isSctp;
    }

    /// <summary>True when the server listens on kernel SCTP (<see cref="StartSctpAsync"/>), false for the TCP shim.</summary>
    public bool IsSctp { get; }

    /// <summary>The bound endpoint (the real port when port 0 was asked).</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>Starts listening on <paramref name="endpoint"/> (port 0 = any free port).</summary>
    /// <exception cref="System.Net.Sockets.SocketException">The endpoint cannot be bound.</exception>
    public static async Task<PoolElementServer> StartAsync(ActorSystem system, IPEndPoint endpoint, IPoolElementService service,
        PoolElementServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(service);
        var bound = new TaskCompletionSource<IPEndPoint>(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = system.ActorOf(PoolElementServerActor.Props(endpoint, service, options ?? PoolElementServerOptions.Default, bound),
            $"pe-server-{Interlocked.Increment(ref s_servers)}");
        try
        {
            var local = await bound.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            return new PoolElementServer(actor, local);
        }
        catch
        {
            system.Stop(actor);
            throw;
        }
    }

    /// <summary>
    /// Starts listening on kernel SCTP at <paramref name="endpoint"/> (port 0 = any free port): PUs such as RSPLIB's
    /// send application data on its own PPID and ASAP control messages on PPID 11 (RFC 5352 §5). The socket style
    /// is <see cref="SctpSessionSettings.SocketStyle"/>: one one-to-many socket for every PU association (default) or a
    /// one-to-one socket per association.
    /// </summary>
    /// <exception cref="InvalidOperationException">The kernel has no SCTP or the endpoint cannot be bound.</exception>
    public static async Task<PoolElementServer> StartSctpAsync(ActorSystem system, IPEndPoint endpoint, IPoolElementService service,
        PoolElementServerOptions? options = null, SctpSessionSettings? sctp = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(service);
        var bound = new TaskCompletionSource<IPEndPoint>(TaskCreationOptions.RunContinuationsAsynchronously);
        options ??= PoolElementServerOptions.Default;
        sctp ??= SctpSessionSettings.Default;
        var props = sctp.SocketStyle == SctpSocketStyle.OneToMany
            ? SctpOneToManyPoolElementServerActor.Props(endpoint, service, options, sctp, bound)
            : SctpPoolElementServerActor.Props(endpoint, service, options, sctp, bound);
        var actor = system.ActorOf(props, $"pe-server-{Interlocked.Increment(ref s_servers)}");
        try
        {
            var local = await bound.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            return new PoolElementServer(actor, local, isSctp: true);
        }
        catch
        {
            system.Stop(actor);
            throw;
        }
    }

    /// <summary>
    /// The user transport to register for this server (RFC 5354 §3.4, §3.5): SCTP or TCP as the server listens, with
    /// <paramref name="address"/> (default: the bound address, or 127.0.0.1 when bound to any), the bound port and
    /// Transport Use "data plus control".
    /// </summary>
    public TransportParameter ToRegisteredTransport(IPAddress? address = null)
    {
        var tcp = ToUserTransport(address);
        return IsSctp ? new SctpTransport(tcp.Port, TransportUse.DataPlusControl, tcp.Addresses) : tcp;
    }

    /// <summary>
    /// The TCP user transport to register for this server (RFC 5354 §3.5): <paramref name="address"/> (default: the bound
    /// address) and the bound port, control messages accepted on it. A server bound to any address (0.0.0.0, ::) is
    /// registered with the address its node reaches the registrar from (the registrar client fills it in; a registrar
    /// fills in the PE's association address otherwise), never with the wildcard.
    /// </summary>
    public TcpTransport ToUserTransport(IPAddress? address = null)
    {
        address ??= LocalEndPoint.Address;
        return new TcpTransport((ushort)LocalEndPoint.Port, TransportUse.DataPlusControl, [address]);
    }

    /// <summary>
    /// Runs one short session against this server from the same process (connect, heartbeat, heartbeat ack, close), so
    /// that the code of the session path is loaded and compiled before the PE registers: the first PU to fail over to
    /// this PE then does not wait for it. The service sees one session open and close, and no message.
    /// </summary>
    public async Task WarmUpAsync(CancellationToken cancellationToken = default)
    {
        if (IsSctp)
        {
            return;                                                          // the shim's heartbeat does not exist on SCTP
        }

        using var socket = new Socket(LocalEndPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        var target = LocalEndPoint.Address.Equals(IPAddress.Any) ? new IPEndPoint(IPAddress.Loopback, LocalEndPoint.Port)
            : LocalEndPoint.Address.Equals(IPAddress.IPv6Any) ? new IPEndPoint(IPAddress.IPv6Loopback, LocalEndPoint.Port)
            : LocalEndPoint;
        await socket.ConnectAsync(target, cancellationToken).ConfigureAwait(false);
        const ulong Nonce = 0x7761726d75700000; // "warmup"
        await socket.SendAsync(ShimEncoder.EncodeToArray(new ShimHeartbeatFrame(Nonce)), SocketFlags.None, cancellationToken).ConfigureAwait(false);
        var buffer = new byte[64 * 1024];
        int length = 0;
        while (length < buffer.Length)
        {
            int read = await socket.ReceiveAsync(buffer.AsMemory(length), SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new IOException("the PE server closed the warm-up session");
            }
            length += read;
            int start = 0;
            while (ShimDecoder.TryReadFrame(buffer.AsSpan(start, length - start), ShimLimits.Default, out var frame, out int consumed, out var error) is var status
                && status != ShimReadStatus.NeedMoreData)
            {
                if (status == ShimReadStatus.Malformed)
                {
                    throw new IOException($"warm-up session: {error}");
                }
                if (frame is ShimHeartbeatAckFrame { Nonce: Nonce })
                {
                    socket.Shutdown(SocketShutdown.Both);
                    return;
                }
                start += consumed;
            }
            buffer.AsSpan(start, length - start).CopyTo(buffer);
            length -= start;
        }
        throw new IOException("warm-up session: no heartbeat ack in the first 64 KiB");
    }

    /// <summary>Stops listening and closes every session at once (each service hears OnSessionClosed).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _actor.GracefulStop(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
    }
}
