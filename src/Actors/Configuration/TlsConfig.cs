using Akka.Configuration;
using RSerPool.Actors.Transport;

namespace RSerPool.Actors.Configuration;

/// <summary>Reads <c>rserpool.tls.*</c> (README "TLS"): null while no file is given (plaintext, the default).</summary>
public static class TlsConfig
{
    private const string T = "rserpool.tls";

    /// <summary>The TLS material of <paramref name="config"/>, loaded now; throws <see cref="RSerPoolConfigException"/> naming the key on bad input.</summary>
    public static TlsCredentials? Read(Config config)
    {
        string cert = ConfigValues.String(config, $"{T}.cert");
        string key = ConfigValues.String(config, $"{T}.key");
        string ca = ConfigValues.String(config, $"{T}.ca");
        var timeout = ConfigValues.PositiveDuration(config, $"{T}.handshake-timeout");
        if (string.IsNullOrWhiteSpace(cert) && string.IsNullOrWhiteSpace(key) && string.IsNullOrWhiteSpace(ca))
        {
            return null;
        }
        foreach (var (name, path) in new[] { ("cert", cert), ("key", key), ("ca", ca) })
        {
            if (!string.IsNullOrWhiteSpace(path) && !File.Exists(path))
            {
                throw new RSerPoolConfigException($"{T}.{name}", $"configuration key '{T}.{name}' (--tls-{name}): no such file: {path}");
            }
        }
        try
        {
            return TlsCredentials.Create(cert, key, ca, timeout);
        }
        catch (ArgumentException e)
        {
            string at = string.IsNullOrWhiteSpace(cert) ? $"{T}.cert" : string.IsNullOrWhiteSpace(key) ? $"{T}.key" : T;
            throw new RSerPoolConfigException(at, $"configuration key '{at}': {e.Message}");
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            throw new RSerPoolConfigException(T, $"configuration keys '{T}.cert', '{T}.key', '{T}.ca': cannot load the PEM files: {e.Message}");
        }
    }
}
