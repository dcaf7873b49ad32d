using System.CommandLine;
using System.Text;
using RSerPool.Actors.Api;
using RSerPool.Actors.Configuration;
using RSerPool.Hosts.Commands.Terminal;
using RSerPool.Hosts.Config;
using RSerPool.Wire.Parameters;

namespace RSerPool.Hosts.Commands;

/// <summary>
/// <c>rserpool terminal</c>: a pool user in session mode (services draft §3.3). Each stdin line goes to the pool, each
/// answer is printed on its own line on stdout, failovers are shown on stderr; it exits when stdin ends and every line
/// is answered (or acknowledged and <c>--answer-grace</c> passed). With <c>--generate N</c> it sends <c>request 1..N</c>
/// itself, one per interval, and ends (also on SIGTERM/Ctrl-C) with the summary
/// line <c>terminal: sent=N answered=N lost=0 failovers=K max-gap-ms=X duplicates=D max-wait-ms=W</c> (README's main job;
/// scripts/chaos.sh runs it with <c>--duration</c>). Every message is sent
/// with "ack requested", so the session resends what a failed PE had not handled.
/// </summary>
public static class TerminalCommand
{
    public static Command Create(TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var node = new NodeCommandOptions();
        var pool = new Option<string>("--pool") { Description = "pool handle", DefaultValueFactory = _ => "EchoPool", HelpName = "HANDLE" };
        var generate = new Option<int?>("--generate") { Description = "send N numbered requests instead of reading stdin, then print the demo summary", HelpName = "N" };
        var duration = new Option<string?>("--duration") { Description = "send numbered requests for this long (with --generate N: until N or this time, whichever comes first), then print the summary", HelpName = "DURATION" };
        var interval = new Option<string>("--interval") { Description = "time between generated requests", DefaultValueFactory = _ => "5ms", HelpName = "DURATION" };
        var answerTimeout = new Option<string>("--answer-timeout") { Description = "how long to wait for outstanding answers after the last send", DefaultValueFactory = _ => "10s", HelpName = "DURATION" };
        var answerGrace = new Option<string>("--answer-grace") { HelpName = "DURATION", Description = "once the PE acknowledged every line (or after a signal), how long answers still missing are awaited; a service that answers nothing (discard) ends after it", DefaultValueFactory = _ => "500ms" };
        var giveUpAfter = PoolSessionStarter.GiveUpAfterOption();
        var protocol = new Option<string>("--protocol") { Description = "text (each line as is) or pingpong (RSPLIB rspserver -pingpong: Ping/Pong on PPID 33, cookie echoed after failover)", DefaultValueFactory = _ => "text", HelpName = "text|pingpong" };
        var status = new Option<string?>("--status") { Description = "this terminal's status endpoint (port 0 = any free port) or off: /status (sent, answered, failovers), /metrics, /health, /ready (200 once its session has a PE); default off", HelpName = "HOST:PORT|off" };
        var command = new Command("terminal", "Send lines to a pool and print the answers (session mode, with failover)");
        node.AddTo(command);
        command.Options.Add(pool);
        command.Options.Add(generate);
        command.Options.Add(duration);
        command.Options.Add(interval);
        command.Options.Add(answerTimeout);
        command.Options.Add(answerGrace);
        command.Options.Add(giveUpAfter);
        command.Options.Add(protocol);
        command.Options.Add(status);

        command.SetAction(async (parse, cancel) =>
        {
            HostConfig config;
            TimeSpan pause;
            TimeSpan waitForAnswers;
            TimeSpan grace;
            TerminalProtocol terminalProtocol;
            TimeSpan? sendFor = null;
            System.Net.IPEndPoint? statusEndPoint;
            try
            {
                config = node.Load(parse, node.Overrides(parse)
                    .Set(PoolSessionStarter.GiveUpAfterKey, parse.GetValue(giveUpAfter), "--give-up-after")
                    .Set("rserpool.terminal.status", parse.GetValue(status), "--status"));
                statusEndPoint = config.Read(NodeConfig.ReadTerminalStatusEndPoint);
                pause = Duration(parse.GetValue(interval)!, "--interval");
                waitForAnswers = Duration(parse.GetValue(answerTimeout)!, "--answer-timeout");
                grace = Duration(parse.GetValue(answerGrace)!, "--answer-grace");
                terminalProtocol = TerminalProtocol.Parse(parse.GetValue(protocol)!);
                if (parse.GetValue(duration) is { } durationText)
                {
                    sendFor = Duration(durationText, "--duration");
                }
                if (parse.GetValue(generate) is < 0)
                {
                    throw new RSerPoolConfigException("--generate", "--generate: a count of requests, 0 or more");
                }
            }
            catch (Exception e) when (e is RSerPoolConfigException or ArgumentException)
            {
                stderr.WriteLine($"rserpool terminal: {e.Message}");
                return ExitCodes.Usage;
            }
            var run = new TerminalRun(config, PoolHandle.FromString(parse.GetValue(pool)!), stdin, stdout, stderr, terminalProtocol)
            {
                StatusEndPoint = statusEndPoint,
            };
            int? count = parse.GetValue(generate) ?? (sendFor is null ? null : int.MaxValue);
            return count is { } n
                ? await run.GenerateAsync(n, pause, waitForAnswers, grace, sendFor, cancel).ConfigureAwait(false)
                : await run.InteractAsync(waitForAnswers, grace, cancel).ConfigureAwait(false);
        });
        return command;
    }

    internal static TimeSpan Duration(string text, string flag) => DurationFlag.Parse(text, flag);
}
