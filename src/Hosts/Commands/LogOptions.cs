using System.CommandLine;
using RSerPool.Hosts.Config;

namespace RSerPool.Hosts.Commands;

/// <summary>The log flags of every command that logs (registrar, server, terminal, fetch): <c>rserpool.logging</c>.</summary>
public sealed class LogOptions
{
    public Option<string?> Format { get; } = CreateFormat();

    public Option<string?> File { get; } = new("--log-file")
    {
        Description = "also write the log to this file, rolled by day and by size (rserpool.logging.file-rolling); default: console only",
        HelpName = "PATH",
    };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Format);
        command.Options.Add(File);
    }

    /// <summary><paramref name="overrides"/> with these flags' keys.</summary>
    public ConfigOverrides AddOverrides(ConfigOverrides overrides, ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        ArgumentNullException.ThrowIfNull(parse);
        return overrides
            .Set(LoggingConfig.FormatKey, parse.GetValue(Format), "--log-format")
            .Set(LoggingConfig.FileKey, parse.GetValue(File) is { } file && !string.IsNullOrWhiteSpace(file) ? Path.GetFullPath(file) : parse.GetValue(File), "--log-file");
    }

    private static Option<string?> CreateFormat()
    {
        var option = new Option<string?>("--log-format")
        {
            Description = "text (lines for people) or json (compact JSON, one event per line); default rserpool.logging.format (text)",
            HelpName = "text|json",
        };
        option.AcceptOnlyFromAmong("text", "json");
        return option;
    }
}
