using System.Net;
using RSerPool.Wire.Parameters;

namespace RSerPool.Samples.EmbeddedPoolElement;

/// <summary>
/// The sample's command line: <c>--pool HANDLE</c> with either <c>--registrar HOST:PORT</c> (a registrar by address) or
/// <c>--seed HOST:PORT</c> (repeatable: join the RSerPool cluster there and find the registrars in it, docs/cluster.md),
/// with <c>--cluster HOST:PORT</c> this node's own Akka.Remote endpoint (default 127.0.0.1:0, any free port).
/// </summary>
public sealed record SampleArguments(IPEndPoint? Registrar, PoolHandle Pool, IReadOnlyList<string> Seeds, string ClusterHost, int ClusterPort)
{
    public const string Usage = "usage: embedded-pool-element (--registrar HOST:PORT | --seed HOST:PORT... [--cluster HOST:PORT]) --pool HANDLE";

    /// <summary>Parses <paramref name="args"/>; null with <paramref name="error"/> set when they are not usable.</summary>
    public static SampleArguments? Parse(string[] args, out string error)
    {
        string? registrar = null, pool = null, cluster = null;
        var seeds = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            string? value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--registrar" when value is not null:
                    registrar = value;
                    i++;
                    break;
                case "--pool" when value is not null:
                    pool = value;
                    i++;
                    break;
                case "--seed" when value is not null:
                    seeds.Add(value);
                    i++;
                    break;
                case "--cluster" when value is not null:
                    cluster = value;
                    i++;
                    break;
                default:
                    error = $"unexpected argument '{args[i]}'";
                    return null;
            }
        }

        if (pool is null || (registrar is null) == (seeds.Count == 0))
        {
            error = "--pool HANDLE and either --registrar HOST:PORT or --seed HOST:PORT are required";
            return null;
        }

        IPEndPoint? endPoint = null;
        if (registrar is not null && (!IPEndPoint.TryParse(registrar, out endPoint) || endPoint.Port == 0))
        {
            error = $"--registrar '{registrar}' is not HOST:PORT";
            return null;
        }

        if (seeds.FirstOrDefault(seed => !TrySplit(seed, out _, out int port) || port == 0) is { } badSeed)
        {
            error = $"--seed '{badSeed}' is not HOST:PORT";
            return null;
        }

        string host = "127.0.0.1";
        int clusterPort = 0;
        if (cluster is not null && !TrySplit(cluster, out host, out clusterPort))
        {
            error = $"--cluster '{cluster}' is not HOST:PORT";
            return null;
        }

        error = string.Empty;
        return new SampleArguments(endPoint, PoolHandle.FromString(pool), seeds, host, clusterPort);
    }

    // HOST:PORT with a name or an address as host (Akka.Remote resolves names).
    private static bool TrySplit(string text, out string host, out int port)
    {
        int colon = text.LastIndexOf(':');
        host = colon > 0 ? text[..colon].Trim('[', ']') : string.Empty;
        port = 0;
        return colon > 0 && int.TryParse(text[(colon + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out port) && port <= 65535;
    }
}
