using System.CommandLine;
using RSerPool.Actors.Configuration;
using RSerPool.Hosts.Config;

namespace RSerPool.Hosts.Commands;

/// <summary>
/// <c>rserpool config check FILE...</c>: reads --config files as a host would (HOCON, unknown keys, every typed reader of
/// RSerPool.Actors.Configuration) and prints "ok" or every error; <c>rserpool config show</c>: the effective
/// <c>rserpool</c> configuration as HOCON (hocon/reference.conf, then the --config files, then the flags).
/// </summary>
public static class ConfigCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var files = new Argument<string[]>("FILE") { Description = "HOCON file as given to --config (several: merged in order, later files win)", Arity = ArgumentArity.OneOrMore };
        var check = new Command("check", "Check configuration files: print ok (exit 0) or each error naming the file and key (exit 2)") { files };
        check.SetAction(parse => Check(parse.GetValue(files) ?? [], stdout, stderr));

        var configFiles = new Option<string[]>("--config") { Description = "HOCON file overriding hocon/reference.conf (repeatable; later files win)", HelpName = "FILE" };
        var logLevel = new Option<string?>("--log-level") { Description = "as the commands' --log-level (sets akka.loglevel)", HelpName = "LEVEL" };
        var all = new Option<bool>("--all") { Description = "print the akka section too, not only rserpool" };
        var show = new Command("show", "Print the effective configuration as HOCON: hocon/reference.conf, then the --config files, then the flags")
        {
            configFiles, logLevel, all,
        };
        show.SetAction(parse =>
        {
            try
            {
                var overrides = new ConfigOverrides().Set("akka.loglevel", parse.GetValue(logLevel), "--log-level");
                var config = HostConfig.Load(parse.GetValue(configFiles) ?? [], overrides);
                stdout.Write(Render(config, parse.GetValue(all)));
                return ExitCodes.Success;
            }
            catch (RSerPoolConfigException e)
            {
                stderr.WriteLine($"rserpool config show: {e.Message}");
                return ExitCodes.Usage;
            }
        });

        return new Command("config", "Check configuration files or show the effective configuration") { check, show };
    }

    /// <summary>The errors of <paramref name="files"/> merged as a host merges them; empty when they are fine.</summary>
    public static IReadOnlyList<string> Errors(IReadOnlyList<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var errors = new List<string>();
        foreach (string file in files)
        {
            try
            {
                var parsed = HostConfig.ParseFileText(file);
                errors.AddRange(HostConfig.UnknownKeyErrors(file, parsed).Select(e => e.Message));
            }
            catch (RSerPoolConfigException e)
            {
                errors.Add(e.Message);
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        HostConfig config;
        try
        {
            config = HostConfig.Load(files);
        }
        catch (RSerPoolConfigException e)
        {
            return [e.Message];
        }

        // Each reader stops at its first bad key: running them all reports one error per part of the configuration.
        Action<HostConfig>[] readers =
        [
            c => c.Read(RegistrarConfig.Read),
            c => c.Read(RegistrarConfig.ReadStatusEndPoint),
            c => c.Read(RegistrarConfig.ReadIdleMemoryTrim),
            c => c.Read(NodeConfig.Read),
            c => c.Read(NodeConfig.ReadSession),
            c => c.Read(ServerConfig.ReadOptions),
            c => c.Read(c => ServerConfig.UsesSctp(c, sctpAvailable: true)),
            c => c.Read(ClusterConfig.Read),
            c => c.Read(ClusterBootstrapConfig.Read),
            c => c.Read(PoolWatchConfig.Read),
        ];
        foreach (var reader in readers)
        {
            try
            {
                reader(config);
            }
            catch (RSerPoolConfigException e)
            {
                if (!errors.Contains(e.Message))
                {
                    errors.Add(e.Message);
                }
            }
        }

        return errors;
    }

    /// <summary>The <c>rserpool</c> section of <paramref name="config"/> (and <c>akka</c> with <paramref name="withAkka"/>) as HOCON text.</summary>
    public static string Render(HostConfig config, bool withAkka)
    {
        ArgumentNullException.ThrowIfNull(config);
        var sections = withAkka ? new[] { "akka", "rserpool" } : ["rserpool"];
        return string.Concat(sections.Select(section => HoconText.Write(section, config.Config.GetValue(section))));
    }

    private static int Check(string[] files, TextWriter stdout, TextWriter stderr)
    {
        var errors = Errors(files);
        if (errors.Count == 0)
        {
            stdout.WriteLine("ok");
            return ExitCodes.Success;
        }

        foreach (string error in errors)
        {
            stderr.WriteLine($"rserpool config check: {error}");
        }

        return ExitCodes.Usage;
    }
}
