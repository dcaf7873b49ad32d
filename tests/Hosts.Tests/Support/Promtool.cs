using System.Diagnostics;

namespace RSerPool.Hosts.Tests.Support;

/// <summary>Prometheus's promtool (Debian package prometheus): <c>promtool check metrics</c> parses and lints an exposition.</summary>
public static class Promtool
{
    /// <summary>The promtool executable on PATH; null when it is not installed.</summary>
    public static string? Path { get; } = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
        .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(directory => System.IO.Path.Combine(directory, "promtool"))
        .FirstOrDefault(File.Exists);

    /// <summary>Runs <c>promtool check metrics</c> on <paramref name="metrics"/>: its exit code and what it printed.</summary>
    public static async Task<(int Exit, string Output)> CheckMetricsAsync(string metrics)
    {
        var start = new ProcessStartInfo(Path ?? throw new InvalidOperationException("promtool is not installed"), "check metrics")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.StandardInput.WriteAsync(metrics.AsMemory(), timeout.Token);
        process.StandardInput.Close();
        Task<string> output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        Task<string> errors = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }
}
