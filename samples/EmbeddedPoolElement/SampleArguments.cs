using System.Net;
using RSerPool.Wire.Parameters;

namespace RSerPool.Samples.EmbeddedPoolElement;

/// <summary>The sample's command line: <c>--registrar HOST:PORT --pool HANDLE</c>.</summary>
public sealed record SampleArguments(IPEndPoint Registrar, PoolHandle Pool)
{
    /// <summary>Parses <paramref name="args"/>; null with <paramref name="error"/> set when they are not usable.</summary>
    public static SampleArguments? Parse(string[] args, out string error)
    {
        string? registrar = null, pool = null;
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
                default:
                    error = $"unexpected argument '{args[i]}'";
                    return null;
            }
        }

        if (registrar is null || pool is null)
        {
            error = "both --registrar HOST:PORT and --pool HANDLE are required";
            return null;
        }

        if (!IPEndPoint.TryParse(registrar, out var endPoint) || endPoint.Port == 0)
        {
            error = $"--registrar '{registrar}' is not HOST:PORT";
            return null;
        }

        error = string.Empty;
        return new SampleArguments(endPoint, PoolHandle.FromString(pool));
    }
}
