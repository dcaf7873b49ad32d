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
/// for the byte offset it already holds (services draft §4.3), so the file arrives whole whichever PEs serve it.
/// </summary>
public static class FetchCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var node = new NodeCommandOptions();
        var pool = new Option<string>("--pool") { Description = "pool handle", DefaultValueFactory = _ => ServiceCatalog.DefaultPoolHandle("files"), HelpName = "HANDLE" };
        var output = new Option<string?>("--output", "-o") { Description = "file to write (default: NAME in the current directory)", HelpName = "FILE" };
        var chunkTimeout = new Option<string>("--chunk-timeout") { Description = "longest wait for one chunk before the PE counts as failed", DefaultValueFactory = _ => "5s", HelpName = "DURATION" };
        var name = new Argument<string>("NAME") { Description = "file name in the served directory" };
        var command = new Command("fetch", "Fetch a file from a pool of files services, resuming after failovers");
        node.AddTo(command);
        command.Options.Add(pool);
        command.Options.Add(output);
        command.Options.Add(chunkTimeout);
        command.Arguments.Add(name);

        command.SetAction(async (parse, cancel) =>
        {
            HostConfig config;
            TimeSpan waitPerChunk;
            PoolSessionOptions sessionOptions;
            RSerPoolNodeOptions nodeOptions;
            try
            {
                config = node.Load(parse);
                nodeOptions = config.Read(NodeConfig.Read);
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
                    await using var session = await PoolSession.ConnectAsync(rserpool.System, rserpool.Resolver, PoolHandle.FromString(parse.GetValue(pool)!), options, cancel).ConfigureAwait(false);
                    await using var file = new FileStream(target, FileMode.Create, FileAccess.Write);
                    var result = await new FileFetch(session, fileName, file, waitPerChunk).RunAsync(cancel).ConfigureAwait(false);
                    stderr.WriteLine(result.Error is null
                        ? $"fetch: {fileName}: {result.Bytes} bytes to {target}, {failovers} failover(s)"
                        : $"rserpool fetch: {fileName}: {result.Error}");
                    return result.Error is null ? ExitCodes.Success : ExitCodes.Failure;
                }
                catch (Exception e) when (e is PoolSessionException or TimeoutException or IOException)
                {
                    stderr.WriteLine($"rserpool fetch: {e.Message}");
                    return ExitCodes.Failure;
                }
            }).ConfigureAwait(false);
        });
        return command;
    }
}
