using System.Diagnostics.Metrics;
using System.Reflection;

namespace RSerPool.Hosts.Status;

/// <summary><c>rserpool_build_info{version}</c>: 1, labelled with the version of the running <c>rserpool</c>.</summary>
public static class BuildInfo
{
    /// <summary>The assembly's informational version.</summary>
    public static string Version { get; } =
        typeof(BuildInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>The tag keys of the instrument (for <see cref="MeterExporter"/>).</summary>
    public static IReadOnlyDictionary<string, string[]> LabelNames { get; } = new Dictionary<string, string[]> { ["rserpool.build_info"] = ["version"] };

    public static void AddTo(Meter meter)
    {
        ArgumentNullException.ThrowIfNull(meter);
        meter.CreateObservableGauge("rserpool.build_info", () => new Measurement<int>(1, new KeyValuePair<string, object?>("version", Version)),
            description: "1, labelled with the version of rserpool");
    }
}
