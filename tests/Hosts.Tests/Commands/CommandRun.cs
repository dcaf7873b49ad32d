using System.Globalization;

namespace RSerPool.Hosts.Tests.Commands;

/// <summary>One in-process run of <c>rserpool</c> (<see cref="Program.Run"/>): its exit code, standard output and standard error.</summary>
public sealed record CommandRun(int ExitCode, string Output, string Error)
{
    public static CommandRun Of(params string[] args)
    {
        var stdout = new StringWriter(CultureInfo.InvariantCulture);
        var stderr = new StringWriter(CultureInfo.InvariantCulture);
        int exit = Program.Run(args, TextReader.Null, stdout, stderr);
        return new CommandRun(exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>True when the run printed a .NET stack trace or an unhandled exception anywhere.</summary>
    public bool HasStackTrace =>
        $"{Output}\n{Error}".Split('\n').Any(line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal) && line.Contains('(', StringComparison.Ordinal))
        || Error.Contains("Unhandled exception", StringComparison.Ordinal);
}
