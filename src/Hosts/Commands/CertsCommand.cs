using System.CommandLine;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RSerPool.Hosts.Certificates;

namespace RSerPool.Hosts.Commands;

/// <summary>
/// <c>rserpool certs create --out DIR</c>: a CA (ca.pem, ca.key) and certificates signed by it for each role
/// (registrar, pe, pu, peer by default: ROLE.pem and ROLE.key, subject CN = ROLE) with SANs for the names and
/// addresses the certificates are used at (README "TLS"). An existing CA in DIR is reused, so more roles or renewed
/// certificates (a rotation) chain to the same CA.
/// </summary>
public static class CertsCommand
{
    /// <summary>The certificates made when no --role is given.</summary>
    public static IReadOnlyList<string> DefaultRoles { get; } = ["registrar", "pe", "pu", "peer"];

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var output = new Option<string>("--out") { Description = "directory for ca.pem, ca.key and ROLE.pem, ROLE.key (created if missing; an existing CA there is reused)", HelpName = "DIR", Required = true };
        var names = new Option<string[]>("--name") { Description = "DNS name in every certificate's SAN (repeatable; default localhost)", HelpName = "NAME" };
        var ips = new Option<string[]>("--ip") { Description = "IP address in every certificate's SAN (repeatable; default 127.0.0.1 and ::1)", HelpName = "IP" };
        var days = new Option<int>("--days") { Description = "lifetime of the role certificates in days (the CA lives 10 years)", HelpName = "N", DefaultValueFactory = _ => 397 };
        var roles = new Option<string[]>("--role") { Description = "certificate to make, its subject CN and file name (repeatable; default registrar, pe, pu, peer)", HelpName = "ROLE" };
        var create = new Command("create", "Make a CA and certificates signed by it (PEM) for --tls-cert, --tls-key and --tls-ca")
        {
            output, names, ips, days, roles,
        };
        create.SetAction(parse => Run(parse.GetValue(output)!, parse.GetValue(names) ?? [], parse.GetValue(ips) ?? [], parse.GetValue(days),
            parse.GetValue(roles) ?? [], stdout, stderr));
        return new Command("certs", "Certificates for TLS on ASAP and ENRP (README \"TLS\")") { create };
    }

    private static int Run(string directory, string[] names, string[] ipTexts, int days, string[] roles, TextWriter stdout, TextWriter stderr)
    {
        if (days < 1)
        {
            stderr.WriteLine($"rserpool certs create: --days must be at least 1, not {days}");
            return ExitCodes.Usage;
        }
        var addresses = new List<IPAddress>();
        foreach (string text in ipTexts)
        {
            if (!IPAddress.TryParse(text, out var address))
            {
                stderr.WriteLine($"rserpool certs create: --ip: not an IP address: {text}");
                return ExitCodes.Usage;
            }
            addresses.Add(address);
        }
        foreach (string role in roles)
        {
            if (role.Length == 0 || role.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')) || role.StartsWith('.') || role == "ca")
            {
                stderr.WriteLine($"rserpool certs create: --role: use letters, digits, '-', '_' or '.' (not \"ca\"): {role}");
                return ExitCodes.Usage;
            }
        }
        string[] dnsNames = names.Length > 0 ? names : ["localhost"];
        IPAddress[] sanAddresses = addresses.Count > 0 ? [.. addresses] : [IPAddress.Loopback, IPAddress.IPv6Loopback];
        string[] made = roles.Length > 0 ? roles : [.. DefaultRoles];
        try
        {
            Directory.CreateDirectory(directory);
            string caFile = Path.Combine(directory, "ca.pem");
            string caKeyFile = Path.Combine(directory, "ca.key");
            var now = DateTimeOffset.UtcNow;
            X509Certificate2 ca;
            if (File.Exists(caFile) && File.Exists(caKeyFile))
            {
                ca = X509Certificate2.CreateFromPemFile(caFile, caKeyFile);
                stdout.WriteLine($"reused CA {caFile} (valid until {ca.NotAfter.ToUniversalTime():yyyy-MM-dd})");
            }
            else
            {
                ca = CertificateMaker.CreateCa("RSerPool CA", now.AddMinutes(-5), now.AddYears(10));
                CertificateMaker.WritePem(ca, caFile, caKeyFile);
                stdout.WriteLine($"wrote CA {caFile} and {caKeyFile} (keep ca.key private; valid until {ca.NotAfter.ToUniversalTime():yyyy-MM-dd})");
            }
            using (ca)
            {
                foreach (string role in made)
                {
                    using var certificate = CertificateMaker.Issue(ca, role, dnsNames, sanAddresses, now.AddMinutes(-5), now.AddDays(days));
                    string certFile = Path.Combine(directory, $"{role}.pem");
                    string keyFile = Path.Combine(directory, $"{role}.key");
                    CertificateMaker.WritePem(certificate, certFile, keyFile);
                    stdout.WriteLine($"wrote {certFile} and {keyFile}: CN={role}, SAN {string.Join(", ", dnsNames.Concat(sanAddresses.Select(a => a.ToString())))}, valid until {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd}");
                }
            }
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            stderr.WriteLine($"rserpool certs create: {e.Message}");
            return ExitCodes.Failure;
        }
    }
}
