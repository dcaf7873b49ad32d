using System.Buffers;
using System.Net;
using System.Net.Sockets;
using RSerPool.Wire;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;
using RSerPool.Wire.Framing;

namespace RSerPool.Hosts.Tests.Support;

/// <summary>
/// A fuzzing client of one registrar port (ASAP or ENRP over TCP, docs/protocol-notes.md §2): sends inputs from its own
/// loopback address, reconnects when the registrar closes the connection (which it may do for a broken stream), and reads
/// and checks everything the registrar answers: every answer must be a whole frame that decodes. An ASAP fuzzer
/// synchronises with a probe before it ends a connection: a Handle Resolution of its own pool, whose answer comes after
/// the answers to every input before it.
/// </summary>
public sealed class FuzzConnection : IAsyncDisposable
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(10);
    private const int MaxAttempts = 3;
    private readonly IPEndPoint _target;
    private readonly IPAddress _local;
    private readonly bool _enrp;
    private readonly PoolHandle? _probePool;
    private readonly byte[] _probe;
    private TaskCompletionSource _probeAnswered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Socket? _socket;
    private Task _reader = Task.CompletedTask;
    private int _answers;
    private int _errorAnswers;
    private string? _badAnswer;
    private volatile bool _endedByRegistrar;

    /// <param name="probePool">ASAP only: the pool the probe resolves (null: no probe, for ENRP).</param>
    public FuzzConnection(IPEndPoint target, IPAddress local, bool enrp, PoolHandle? probePool)
    {
        _target = target;
        _local = local;
        _enrp = enrp;
        _probePool = probePool;
        _probe = probePool is null ? [] : AsapEncoder.EncodeToArray(new AsapHandleResolution(probePool.Value));
    }

    /// <summary>Probes the registrar did not answer within <see cref="CloseTimeout"/>.</summary>
    public int ProbesUnanswered { get; private set; }

    /// <summary>Connections opened so far.</summary>
    public int Connections { get; private set; }

    /// <summary>Inputs given up after <see cref="MaxAttempts"/> connections were closed while sending them.</summary>
    public int Unsent { get; private set; }

    /// <summary>Connections the registrar closed or reset while we were sending.</summary>
    public int ClosedByRegistrar { get; private set; }

    /// <summary>Connections we half-closed that the registrar did not close within <see cref="CloseTimeout"/>.</summary>
    public int LeftOpenByRegistrar { get; private set; }

    /// <summary>Messages the registrar sent back (answers, Error messages, keep-alives).</summary>
    public int Answers => Volatile.Read(ref _answers);

    /// <summary>Error messages (ASAP 0x0E, ENRP 0x0A) among <see cref="Answers"/>.</summary>
    public int ErrorAnswers => Volatile.Read(ref _errorAnswers);

    /// <summary>The first answer that did not decode, or a broken answer stream; null when all were fine.</summary>
    public string? BadAnswer => Volatile.Read(ref _badAnswer);

    /// <summary>Sends one input; on a connection the registrar closed, connects again and sends it again (3 tries in all).</summary>
    /// <param name="thenClose">End the connection after this input (for inputs whose framing is broken).</param>
    public async Task SendAsync(byte[] input, bool thenClose, CancellationToken cancel)
    {
        if (_socket is not null && _endedByRegistrar)
        {
            ClosedByRegistrar++;
            await CloseAsync().ConfigureAwait(false);
        }

        for (int attempt = 1; ; attempt++)
        {
            Socket socket = _socket ?? await ConnectAsync(cancel).ConfigureAwait(false);
            try
            {
                await socket.SendAsync(input, SocketFlags.None, cancel).ConfigureAwait(false);
                break;
            }
            catch (SocketException)
            {
                ClosedByRegistrar++;
                await CloseAsync().ConfigureAwait(false);
                if (attempt == MaxAttempts)
                {
                    Unsent++;
                    return;
                }
            }
        }

        if (thenClose)
        {
            await EndAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Sends a probe and waits (bounded) for its answer: then the registrar has answered every input sent before it.
    /// Call it before an input that may break the framing (a probe after it would be swallowed).
    /// </summary>
    public async Task SyncAsync(CancellationToken cancel)
    {
        if (_probePool is null || _socket is null)
        {
            return;
        }

        _probeAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task answered = _probeAnswered.Task;
        await SendAsync(_probe, thenClose: false, cancel).ConfigureAwait(false);
        if (await Task.WhenAny(answered, _reader, Task.Delay(CloseTimeout, cancel)).ConfigureAwait(false) != answered && !_endedByRegistrar)
        {
            ProbesUnanswered++;
        }
    }

    /// <summary>
    /// Half-closes the connection and waits (bounded) until the registrar closes it: by then it has read every input
    /// sent (a plain close with answers unread would reset the connection and drop inputs not yet read).
    /// </summary>
    public async Task EndAsync()
    {
        if (_socket is null)
        {
            return;
        }

        try
        {
            _socket.Shutdown(SocketShutdown.Send);
        }
        catch (SocketException)
        {
            // already reset by the registrar
        }

        if (await Task.WhenAny(_reader, Task.Delay(CloseTimeout)).ConfigureAwait(false) != _reader)
        {
            LeftOpenByRegistrar++;
        }

        await CloseAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync() => await EndAsync().ConfigureAwait(false);

    private async Task<Socket> ConnectAsync(CancellationToken cancel)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        socket.Bind(new IPEndPoint(_local, 0));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(ConnectTimeout);
        await socket.ConnectAsync(_target, timeout.Token).ConfigureAwait(false);
        Connections++;
        _endedByRegistrar = false;
        _socket = socket;
        _reader = Task.Run(() => ReadAnswersAsync(socket), CancellationToken.None);
        return socket;
    }

    private async Task CloseAsync()
    {
        Socket? socket = _socket;
        _socket = null;
        if (socket is null)
        {
            return;
        }

        socket.Dispose();
        await _reader.ConfigureAwait(false);
    }

    // Reads until the connection ends; the registrar's answers to garbage must themselves be valid messages.
    private async Task ReadAnswersAsync(Socket socket)
    {
        byte[] buffer = new byte[WireLimits.DefaultMaxMessageLength * 2];
        int used = 0;
        try
        {
            while (true)
            {
                int read = await socket.ReceiveAsync(buffer.AsMemory(used), SocketFlags.None).ConfigureAwait(false);
                if (read == 0)
                {
                    _endedByRegistrar = true;
                    return;
                }

                used += read;
                var pending = new ReadOnlySequence<byte>(buffer, 0, used);
                FrameReadStatus status;
                FrameError error;
                while ((status = FrameSplitter.TryReadFrame(ref pending, WireLimits.Default, out var frame, out error)) == FrameReadStatus.Frame)
                {
                    Check(frame.ToArray());
                }

                if (status == FrameReadStatus.Malformed)
                {
                    Report($"broken answer stream: {error}");
                    return;
                }

                int left = (int)pending.Length;
                Buffer.BlockCopy(buffer, used - left, buffer, 0, left);
                used = left;
            }
        }
        catch (SocketException)
        {
            _endedByRegistrar = true; // reset by the registrar, or by our own close: either way a new connection is due
        }
        catch (ObjectDisposedException)
        {
            // closed by us
        }
    }

    private void Check(byte[] frame)
    {
        Interlocked.Increment(ref _answers);
        DecodeError error;
        AsapMessage? asap = null;
        bool decoded = _enrp
            ? EnrpDecoder.TryDecode(frame, WireLimits.Default, out _, out error, out _)
            : AsapDecoder.TryDecode(frame, WireLimits.Default, out asap, out error, out _);
        if (!decoded)
        {
            Report($"undecodable answer ({error}): {Convert.ToHexString(frame)}");
        }
        else if (_probePool is { } probePool && asap is AsapHandleResolutionResponse response && response.PoolHandle.Equals(probePool))
        {
            _probeAnswered.TrySetResult();
        }
        else if (frame[0] == (_enrp ? 0x0A : 0x0E))
        {
            Interlocked.Increment(ref _errorAnswers);
        }
    }

    private void Report(string what) => Interlocked.CompareExchange(ref _badAnswer, what, null);
}
