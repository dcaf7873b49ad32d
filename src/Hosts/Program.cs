using System.CommandLine;
using RSerPool.Hosts.Commands;
using RSerPool.Hosts.Hosting;

namespace RSerPool.Hosts;

/// <summary>The <c>rserpool</c> executable: one command tree, each subcommand in Commands/.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        StartupTimeline.Begin();
        return Run(args, Console.In, Console.Out, Console.Error);
    }

    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var registrar = RegistrarCommand.Create(stderr);
        var server = ServerCommand.Create(stderr);
        var root = new RootCommand("RSerPool (RFC 5351-5356): registrar, pool elements, pool users and tools")
        {
            DecodeCommand.Create(stdin, stdout, stderr),
            registrar,
            server,
            TerminalCommand.Create(stdin, stdout, stderr),
            FetchCommand.Create(stdout, stderr),
            MonitorCommand.Create(stdout, stderr),
            ConfigCommand.Create(stdout, stderr),
            CertsCommand.Create(stdout, stderr),
        };
        var parse = root.Parse(args);
        StartupTimeline.Mark("command line");
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                stderr.WriteLine($"rserpool: {error.Message}");
            }
            stderr.WriteLine("rserpool: try 'rserpool --help'");
            return ExitCodes.Usage;
        }
        // The services (registrar, server) handle SIGTERM/SIGINT themselves with Akka's coordinated shutdown
        // (Hosting/ServiceHost.cs): System.CommandLine's handler would race it and force exit code 143/130 after 2 s.
        bool service = parse.CommandResult.Command == registrar || parse.CommandResult.Command == server;
        var invocation = new InvocationConfiguration { Output = stdout, Error = stderr };
        if (service)
        {
            invocation.ProcessTerminationTimeout = null;
        }

        return parse.Invoke(invocation);
    }
}
