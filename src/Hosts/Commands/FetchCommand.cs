using System.CommandLine;
using RSerPool.Actors.Api;
using RSerPool.Actors.Configuration;
using RSerPool.Hosts.Config;
using RSerPool.Hosts.Hosting;
using RSerPool.Hosts.Services;
using RSerPool.Wire.Parameters;
using RSerPool.Actors.Session;

namespace RSerPool.Hosts.Commands;

/// <summary>
/// <c>rserpool fetch</c>: the files service's client. It asks chunk after chunk and, after a failover, asks the new PE
/// for the byte offset it already holds (services draft §4.3), so the file arrives whole whichever PEs serve it. It
/// writes to a temporary file renamed over the target only when complete (<see cref="FetchTarget"/>).
/// </summary>
public static class FetchCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var node = new NodeCommandOptions();
        var pool = new Option<string>("--pool") { Description = "pool handle", DefaultValueFactory = _ => ServiceCatalog.DefaultPoolHandle("files"), HelpName = "HANDLE" };
        var output = new Option<string?>("--output", "-o") { Description = "file to write (default: NAME in the current directory)", HelpName = "FILE" };
        var chunkTimeout = new Option<string>("--chunk-timeout") { Description = "longest wait for one chunk before the PE counts as failed", DefaultValueFactory = _ => "5s", HelpName = "DURATION" };
        var giveUpAfter = PoolSessionStarter.GiveUpAfterOption();
        var name = new Argument<string>("NAME") { Description = "file name in the served directory" };
        var command = new Command("fetch", "Fetch a file from a pool of files services, resuming after failovers");
        node.AddTo(command);
        command.Options.Add(pool);
        command.Options.Add(output);
        command.Options.Add(chunkTimeout);
        command.Options.Add(giveUpAfter);
        command.Arguments.Add(name);

        command.SetAction(async (parse, cancel) =>
        {
            HostConfig config;
            TimeSpan waitPerChunk;
            PoolSessionOptions sessionOptions;
            RSerPoolNodeOptions nodeOptions;
            TimeSpan giveUp;
            try
            {
                config = node.Load(parse, node.Overrides(parse).Set(PoolSessionStarter.GiveUpAfterKey, parse.GetValue(giveUpAfter), "--give-up-after"));
                giveUp = config.Read(NodeConfig.ReadGiveUpAfter);
                nodeOptions = Terminal.TerminalRun.ForOneShotClient(config.Read(NodeConfig.Read), giveUp);
                sessionOptions = config.Read(NodeConfig.ReadSession);
                waitPerChunk = TerminalCommand.Duration(parse.GetValue(chunkTimeout)!, "--chunk-timeout");
            }
            catch (RSerPoolConfigException e)
            {
                stderr.WriteLine($"rserpool fetch: {e.Message}");
                return ExitCodes.Usage;
            }

            string fileName = parse.GetValue(name)!;
            string target = parse.GetValue(output) ?? Path.GetFileName(fileName);
            return await ClientHost.RunAsync(config, "rserpool-fetch", stderr, async (system, log) =>
            {
                SctpFallbackNotice.LogIfUnavailable(log, config.Config);
                try
                {
                    await using var rserpool = await RSerPoolNode.StartAsync(nodeOptions with { System = system }, cancel).ConfigureAwait(false);
                    int failovers = 0;
                    var options = sessionOptions with
                    {
                        OnFailover = failover =>
                        {
                            Interlocked.Increment(ref failovers);
                            stderr.WriteLine($"fetch: failover from PE 0x{failover.OldIdentifier:x8} to PE 0x{failover.NewIdentifier:x8}: {failover.Reason}");
                        },
                    };
                    if (await PoolSessionStarter.ConnectAsync(rserpool, PoolHandle.FromString(parse.GetValue(pool)!), options, giveUp, "fetch", stderr, cancel).ConfigureAwait(false) is not { } session)
                    {
                        return ExitCodes.Failure;
                    }
                    await using (session.ConfigureAwait(false))
                    {
                        await using var file = FetchTarget.Create(target);
                        var result = await new FileFetch(session, fileName, file.Stream, waitPerChunk).RunAsync(cancel).ConfigureAwait(false);
                        if (result.Error is null)
                        {
                            await file.CommitAsync().ConfigureAwait(false);
                        }
                        stderr.WriteLine(result.Error is null
                            ? $"fetch: {fileName}: {result.Bytes} bytes to {target}, {failovers} failover(s)"
                            : $"rserpool fetch: {fileName}: {result.Error} ({Untouched(target)})");
                        return result.Error is null ? ExitCodes.Success : ExitCodes.Failure;
                    }
                }
                catch (OperationCanceledException) when (cancel.IsCancellationRequested)
                {
                    stderr.WriteLine($"rserpool fetch: {fileName}: stopped ({Untouched(target)})");
                    return ExitCodes.Success;
                }
                catch (Exception e) when (e is PoolSessionException or TimeoutException or IOException or UnauthorizedAccessException)
                {
                    stderr.WriteLine($"rserpool fetch: {e.Message}");
                    return ExitCodes.Failure;
                }
            }).ConfigureAwait(false);
        });
        return command;
    }

    private static string Untouched(string target) => File.Exists(target) ? $"{target} left as it was" : $"{target} not created";
}
