using System.CommandLine;
using RSerPool.Hosts.Config;

namespace RSerPool.Hosts.Commands;

/// <summary>The TLS flags of every command that speaks ASAP or ENRP over TCP (registrar, server, terminal, fetch): <c>rserpool.tls</c>.</summary>
public sealed class TlsOptions
{
    public Option<string?> Certificate { get; } = new("--tls-cert")
    {
        Description = "this node's certificate (PEM) for TLS on ASAP/ENRP over TCP, with --tls-key (rserpool.tls.cert; README \"TLS\")",
        HelpName = "FILE",
    };

    public Option<string?> Key { get; } = new("--tls-key") { Description = "the private key (PEM) of --tls-cert (rserpool.tls.key)", HelpName = "FILE" };

    public Option<string?> Ca { get; } = new("--tls-ca")
    {
        Description = "CA (PEM) the other side's certificate must chain to; on a registrar it makes client certificates required (rserpool.tls.ca)",
        HelpName = "FILE",
    };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Certificate);
        command.Options.Add(Key);
        command.Options.Add(Ca);
    }

    /// <summary><paramref name="overrides"/> with these flags' keys (paths made absolute).</summary>
    public ConfigOverrides AddOverrides(ConfigOverrides overrides, ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        ArgumentNullException.ThrowIfNull(parse);
        return overrides
            .Set("rserpool.tls.cert", Full(parse.GetValue(Certificate)), "--tls-cert")
            .Set("rserpool.tls.key", Full(parse.GetValue(Key)), "--tls-key")
            .Set("rserpool.tls.ca", Full(parse.GetValue(Ca)), "--tls-ca");
    }

    private static string? Full(string? path) => string.IsNullOrWhiteSpace(path) ? path : Path.GetFullPath(path);
}
