using System.Text;
using Akka.Event;
using RSerPool.Actors.Api;
using RSerPool.Actors.Configuration;
using RSerPool.Hosts.Config;
using RSerPool.Hosts.Hosting;
using RSerPool.Hosts.Status;
using RSerPool.Wire.Parameters;
using RSerPool.Actors.Session;

namespace RSerPool.Hosts.Commands.Terminal;

/// <summary>One run of <c>rserpool terminal</c>: node + one PU session, logs and failovers on stderr, answers on stdout.</summary>
public sealed class TerminalRun(HostConfig config, PoolHandle pool, TextReader stdin, TextWriter stdout, TextWriter stderr, TerminalProtocol? protocol = null)
{
    private readonly TerminalProtocol _protocol = protocol ?? TerminalProtocol.Text;
    private readonly TerminalBoard _board = new(pool.ToString());

    /// <summary>The terminal's own status endpoint (rserpool.terminal.status, --status); null = none.</summary>
    public System.Net.IPEndPoint? StatusEndPoint { get; init; }

    private int _failovers;

    /// <summary>
    /// Sends each stdin line, prints each answer; ends when stdin ends and every line is answered, or once the PE has
    /// acknowledged every line (it acknowledges after handling, and an answer made while handling precedes the ack:
    /// docs/session-shim.md) and <paramref name="answerGrace"/> passed without the missing answers (a service that
    /// answers nothing, such as discard), at the latest after <paramref name="answerTimeout"/>. A signal ends it at once.
    /// </summary>
    public async Task<int> InteractAsync(TimeSpan answerTimeout, TimeSpan answerGrace, CancellationToken cancel)
    {
        return await RunAsync(async (session, logger) =>
        {
            long sent = 0;
            long answered = 0;
            var allAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var inputEnded = false;
            var receiving = Task.Run(async () =>
            {
                await foreach (var message in session.ReadAllAsync(cancel).ConfigureAwait(false))
                {
                    await WriteLineAsync(stdout, _protocol.Describe(message.Payload.Span)).ConfigureAwait(false);
                    _board.Answered();
                    if (Interlocked.Increment(ref answered) >= Volatile.Read(ref sent) && Volatile.Read(ref inputEnded))
                    {
                        allAnswered.TrySetResult();
                    }
                }
            }, cancel);

            // Console.In's ReadLineAsync reads synchronously on the caller's thread and ignores cancellation: the read
            // runs on the thread pool, and a signal abandons it instead of waiting for the next line.
            while (await Task.Run(stdin.ReadLine, CancellationToken.None).WaitAsync(cancel).ConfigureAwait(false) is { } line)
            {
                Interlocked.Increment(ref sent);
                _board.Sent();
                // Completes when the PE acknowledged the line (after handling it).
                await session.SendAsync(_protocol.Encode(line), new SendOptions { AckRequested = true }, cancel).ConfigureAwait(false);
            }
            Volatile.Write(ref inputEnded, true);
            if (Interlocked.Read(ref answered) >= Interlocked.Read(ref sent))
            {
                allAnswered.TrySetResult();
            }
            var wait = answerGrace < answerTimeout ? answerGrace : answerTimeout;
            await Task.WhenAny(allAnswered.Task, Task.Delay(wait, cancel), receiving).ConfigureAwait(false);
            return ExitCodes.Success;
        }, cancel).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends <c>request 1..count</c>, one per <paramref name="interval"/>, stopping early once <paramref name="sendFor"/>
    /// has passed or on a signal; then prints the summary line. After a signal it waits at most
    /// <paramref name="answerGrace"/> for outstanding answers and exits 0 (a clean stop; the summary counts what was lost).
    /// </summary>
    public async Task<int> GenerateAsync(int count, TimeSpan interval, TimeSpan answerTimeout, TimeSpan answerGrace, TimeSpan? sendFor, CancellationToken cancel)
    {
        return await RunAsync(async (session, logger) =>
        {
            var ledger = new RequestLedger(TimeProvider.System);
            var allAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var sendingDone = false;
            // Answers are still read after a signal stopped the sending, until the summary is printed.
            using var stopReceiving = new CancellationTokenSource();
            var receiving = Task.Run(async () =>
            {
                await foreach (var message in session.ReadAllAsync(stopReceiving.Token).ConfigureAwait(false))
                {
                    if (ledger.RecordAnswer(message.Payload.Span))
                    {
                        _board.Answered();
                        await WriteLineAsync(stdout, Encoding.UTF8.GetString(message.Payload.Span)).ConfigureAwait(false);
                    }
                    if (Volatile.Read(ref sendingDone) && ledger.AllAnswered)
                    {
                        allAnswered.TrySetResult();
                    }
                }
            }, CancellationToken.None);

            bool stopped = false;
            long started = TimeProvider.System.GetTimestamp();
            try
            {
                for (int i = 0; i < count; i++)
                {
                    if (sendFor is { } limit && TimeProvider.System.GetElapsedTime(started) >= limit)
                    {
                        break;
                    }
                    await session.SendAsync(ledger.NextRequest(), new SendOptions { AckRequested = true }, cancel).ConfigureAwait(false);
                    _board.Sent();
                    if (interval > TimeSpan.Zero)
                    {
                        await Task.Delay(interval, cancel).ConfigureAwait(false); // pacing of the generated load
                    }
                }
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                stopped = true;
            }
            Volatile.Write(ref sendingDone, true);
            if (ledger.AllAnswered)
            {
                allAnswered.TrySetResult();
            }
            var wait = stopped && answerGrace < answerTimeout ? answerGrace : answerTimeout;
            await Task.WhenAny(allAnswered.Task, Task.Delay(wait, CancellationToken.None), receiving).ConfigureAwait(false);
            await stopReceiving.CancelAsync().ConfigureAwait(false);
            var summary = ledger.Summary(Volatile.Read(ref _failovers));
            logger.Info("{Summary}", summary);
            await WriteLineAsync(stdout, summary).ConfigureAwait(false);
            return stopped || ledger.AllAnswered ? ExitCodes.Success : ExitCodes.Failure;
        }, cancel).ConfigureAwait(false);
    }

    private async Task<int> RunAsync(Func<PoolSession, ILoggingAdapter, Task<int>> body, CancellationToken cancel)
    {
        RSerPoolNodeOptions nodeOptions;
        PoolSessionOptions sessionOptions;
        TimeSpan giveUpAfter;
        try
        {
            giveUpAfter = config.Read(NodeConfig.ReadGiveUpAfter);
            nodeOptions = ForOneShotClient(config.Read(NodeConfig.Read), giveUpAfter);
            sessionOptions = config.Read(NodeConfig.ReadSession);
        }
        catch (RSerPoolConfigException e)
        {
            await stderr.WriteLineAsync($"rserpool terminal: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        return await ClientHost.RunAsync(config, "rserpool-terminal", stderr, async (system, log) =>
        {
            SctpFallbackNotice.LogIfUnavailable(log, config.Config);
            try
            {
                await using var node = await RSerPoolNode.StartAsync(nodeOptions with { System = system }, cancel).ConfigureAwait(false);
                await using var statusServer = StatusEndPoint is { } statusEndPoint
                    ? await NodeStatusServer.StartAsync(statusEndPoint, _board.Read, () => _board.IsConnected ? null : $"looking for a PE of pool {pool}", cancel)
                        .ConfigureAwait(false)
                    : null;
                if (statusServer is not null)
                {
                    log.Info("terminal status on {StatusAddress}status", statusServer.Address);
                }

                var options = sessionOptions with
                {
                    Sctp = _protocol.SctpSettings(sessionOptions.Sctp),
                    OnFailover = failover =>
                    {
                        Interlocked.Increment(ref _failovers);
                        _board.FailedOver(failover.NewIdentifier);
                        stderr.WriteLine($"terminal: failover from PE 0x{failover.OldIdentifier:x8} to PE 0x{failover.NewIdentifier:x8}: {failover.Reason} (now {Where(failover.NewElement)})");
                    },
                };
                if (await PoolSessionStarter.ConnectAsync(node, pool, options, giveUpAfter, "terminal", stderr, cancel).ConfigureAwait(false) is not { } session)
                {
                    return ExitCodes.Failure;
                }

                _board.Connected(session.CurrentPoolElement.Identifier);
                await using (session.ConfigureAwait(false))
                {
                    await stderr.WriteLineAsync($"terminal: session with PE 0x{session.CurrentPoolElement.Identifier:x8} of pool {pool} {Where(session.CurrentPoolElement)}").ConfigureAwait(false);
                    return await body(session, log).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                return ExitCodes.Success;
            }
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// A one-shot client reports a failed start itself, in one line (<see cref="PoolSessionStarter"/>): the registrar
    /// client's hunt warnings, meant for daemons, start only after twice <paramref name="giveUpAfter"/>, so they show
    /// only a registrar lost by a session that started.
    /// </summary>
    internal static RSerPoolNodeOptions ForOneShotClient(RSerPoolNodeOptions options, TimeSpan giveUpAfter) =>
        options with { RegistrarClient = options.RegistrarClient with { HuntWarningFirstAfter = giveUpAfter * 2 } };

    // "at SCTP port 4711": which transport the session uses (scripts/interop finds the PE process by it).
    private static string Where(RSerPool.Wire.Parameters.PoolElement element) =>
        $"at {(element.UserTransport is RSerPool.Wire.Parameters.SctpTransport ? "SCTP" : "TCP")} port {element.UserTransport.Port}";

    private static async Task WriteLineAsync(TextWriter writer, string line)
    {
        await writer.WriteLineAsync(line).ConfigureAwait(false);
        await writer.FlushAsync().ConfigureAwait(false);
    }
}
