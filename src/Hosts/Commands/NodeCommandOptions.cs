using System.CommandLine;
using RSerPool.Hosts.Config;

namespace RSerPool.Hosts.Commands;

/// <summary>The flags every application-side command shares (server, terminal, fetch) and how they override HOCON.</summary>
public sealed class NodeCommandOptions
{
    public Option<string[]> ConfigFiles { get; } = new("--config") { Description = "HOCON file overriding hocon/reference.conf (repeatable; later files win)" };

    public Option<string[]> Registrars { get; } = new("--registrar") { Description = "registrar ASAP endpoint HOST:PORT (repeatable; default: those heard in Server Announces)" };

    public Option<string?> AsapAnnounce { get; } = new("--asap-announce") { Description = "where Server Announces are heard: off or HOST:PORT (default off; RSPLIB uses 239.0.0.50:3863)" };

    public Option<string?> RegistrarTransport { get; } = new("--registrar-transport") { Description = "ASAP towards registrars over tcp, sctp (RSPLIB) or auto (SCTP where the kernel has it); default tcp" };

    public Option<string?> LogLevel { get; } = new("--log-level") { Description = "Verbose, Debug, Information, Warning, Error" };

    public void AddTo(Command command)
    {
        command.Options.Add(ConfigFiles);
        command.Options.Add(Registrars);
        command.Options.Add(AsapAnnounce);
        command.Options.Add(RegistrarTransport);
        command.Options.Add(LogLevel);
    }

    /// <summary>reference.conf, the --config files, then these flags. Throws <see cref="HoconException"/> on bad input.</summary>
    public HoconConfig Load(ParseResult parse)
    {
        var config = HoconConfig.Load(parse.GetValue(ConfigFiles) ?? []);
        if (parse.GetValue(Registrars) is { Length: > 0 } registrars)
        {
            foreach (var registrar in registrars)
            {
                EndPointText.Parse(registrar, RegistrarConfig.AsapPort, "--registrar");
            }
            var list = string.Join(", ", registrars.Select(t => $"\"{t}\""));
            config = config.With(HoconConfig.FromText($"rserpool.registrar-client.registrars = [{list}]", "--registrar"));
        }
        if (parse.GetValue(AsapAnnounce) is { } announce)
        {
            config = config.With("rserpool.registrar-client.announce-listen", announce);
        }
        if (parse.GetValue(RegistrarTransport) is { } transport)
        {
            RegistrarTransportText.Parse(transport, "--registrar-transport"); // a bad value is a usage error
            config = config.With("rserpool.registrar-client.transport", transport);
        }
        if (parse.GetValue(LogLevel) is { } level)
        {
            config = config.With("akka.loglevel", level);
        }
        KernelConfig.LogLevel(config); // a bad level is a usage error, before anything starts
        return config;
    }
}
