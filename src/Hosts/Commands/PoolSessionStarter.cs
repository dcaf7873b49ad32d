using System.CommandLine;
using RSerPool.Actors.Api;
using RSerPool.Actors.RegistrarClient;
using RSerPool.Actors.Session;
using RSerPool.Wire.Parameters;

namespace RSerPool.Hosts.Commands;

/// <summary>
/// The first session of a one-shot client (terminal, fetch), bounded by <c>rserpool.pu.give-up-after</c>
/// (<c>--give-up-after</c>): a client pointed at a dead or absent registrar, or at SCTP on a kernel without it, ends
/// with one line saying what it tried and what to do, instead of hunting forever (the registrar client's own hunt
/// warnings start only well after that for these commands, so that line is the only one).
/// </summary>
public static class PoolSessionStarter
{
    /// <summary>The configuration key <see cref="GiveUpAfterOption"/> sets.</summary>
    public const string GiveUpAfterKey = "rserpool.pu.give-up-after";

    /// <summary><c>--give-up-after</c>: sets <see cref="GiveUpAfterKey"/>.</summary>
    public static Option<string?> GiveUpAfterOption() => new("--give-up-after")
    {
        Description = "give up (exit 1) without a session with a PE this long after starting: no registrar, no PE; default rserpool.pu.give-up-after (10s)",
        HelpName = "DURATION",
    };

    /// <summary>The connected session, or null after writing the one-line reason to <paramref name="stderr"/>.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancel"/> fired (SIGTERM, Ctrl-C).</exception>
    public static async Task<PoolSession?> ConnectAsync(RSerPoolNode node, PoolHandle pool, PoolSessionOptions options, TimeSpan giveUpAfter,
        string command, TextWriter stderr, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(stderr);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        deadline.CancelAfter(giveUpAfter);
        string failure;
        try
        {
            return await PoolSession.ConnectAsync(node, pool, options, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            failure = $"no session within {HuntText.Duration(giveUpAfter)} (--give-up-after)";
        }
        catch (Exception e) when (e is PoolSessionException or TimeoutException)
        {
            failure = e.Message;
        }

        await stderr.WriteLineAsync($"rserpool {command}: {await ExplainAsync(node, pool, failure, cancel).ConfigureAwait(false)}").ConfigureAwait(false);
        return null;
    }

    // One line: no registrar (which were tried, over what, announces or not, and the flags that fix it), or no PE.
    private static async Task<string> ExplainAsync(RSerPoolNode node, PoolHandle pool, string failure, CancellationToken cancel)
    {
        RegistrarClientState state;
        try
        {
            state = await node.GetRegistrarStateAsync(cancel).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or Akka.Actor.AskTimeoutException)
        {
            return $"no PE of pool {pool}: {failure}";
        }

        if (state.CurrentRegistrar is { } registrar)
        {
            return $"no PE of pool {pool} could be reached ({failure}; registrar {registrar}): start one with 'rserpool server --pool {pool}' or check the pool handle (--pool)";
        }

        string tried = state.KnownRegistrars.IsEmpty
            ? "no registrar known"
            : "tried " + string.Join(", ", state.KnownRegistrars.Select(k =>
                state.HuntFailures.TryGetValue(k.EndPoint, out string? why) ? $"{k.EndPoint} ({why})" : $"{k.EndPoint}"));
        string announces = state.AnnounceEndPoint is { } listen ? $"Server Announces heard at {listen}" : "no Server Announces (--asap-announce off)";
        string transportHint = state.Transport == "TCP" ? "" : ", or use --registrar-transport tcp";
        return $"no registrar reachable, {failure}: {tried} over {state.Transport}, {announces}; "
            + $"give one with --registrar HOST:PORT or --asap-announce HOST:PORT{transportHint}";
    }
}
