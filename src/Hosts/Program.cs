using System.CommandLine;
using RSerPool.Hosts.Commands;

namespace RSerPool.Hosts;

/// <summary>The <c>rserpool</c> executable: one command tree, each subcommand in Commands/.</summary>
public static class Program
{
    public static int Main(string[] args) => Run(args, Console.In, Console.Out, Console.Error);

    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("RSerPool (RFC 5351-5356): registrar, pool elements, pool users and tools")
        {
            DecodeCommand.Create(stdin, stdout, stderr),
            RegistrarCommand.Create(stderr),
            ServerCommand.Create(stderr),
            TerminalCommand.Create(stdin, stdout, stderr),
            FetchCommand.Create(stdout, stderr),
            MonitorCommand.Create(stdout, stderr),
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                stderr.WriteLine($"rserpool: {error.Message}");
            }
            stderr.WriteLine("rserpool: try 'rserpool --help'");
            return ExitCodes.Usage;
        }
        return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }
}
