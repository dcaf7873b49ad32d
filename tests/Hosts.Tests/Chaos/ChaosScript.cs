using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace RSerPool.Hosts.Tests.Chaos;

/// <summary>Where scripts/chaos.sh is, and whether this machine can run it (<c>--check</c>: root, netns, veth, nftables).</summary>
public static class ChaosScript
{
    /// <summary>Exit code of scripts/chaos.sh when the machine cannot run it (the reason is on its last output line).</summary>
    public const int CannotRunHere = 77;

    private static readonly Lazy<string?> CheckResult = new(Check);

    /// <summary>The script's path, found by walking up from the test output to the repository (RSerPool.sln).</summary>
    public static string? Path
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                string candidate = System.IO.Path.Combine(dir.FullName, "scripts", "chaos.sh");
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "RSerPool.sln")) && File.Exists(candidate))
                {
                    return candidate;
                }
            }
            return null;
        }
    }

    /// <summary>
    /// Runs <c>bash ARGUMENTS</c> (a script of scripts/ and its flags) to its end, or until <paramref name="limit"/>,
    /// when it gets SIGTERM so its trap removes its namespaces and ends its processes; returns its exit code and its
    /// whole output (stdout and stderr as they came).
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(IEnumerable<string> arguments, TimeSpan limit)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var lines = new StringBuilder();
        void Append(string? line)
        {
            if (line is not null)
            {
                lock (lines)
                {
                    lines.AppendLine(line);
                }
            }
        }

        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using (var timeout = new CancellationTokenSource(limit))
        {
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)])!.WaitForExit();
                await process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
            }
        }

        process.WaitForExit(); // the output events are flushed
        lock (lines)
        {
            return (process.ExitCode, lines.ToString());
        }
    }

    /// <summary>Null when the suite can run here, else why not.</summary>
    public static string? WhyNot => CheckResult.Value;

    private static string? Check()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "the chaos suite needs Linux network namespaces";
        }
        if (Path is not { } script)
        {
            return "scripts/chaos.sh not found above the test output folder";
        }
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(script);
        info.ArgumentList.Add("--check");
        try
        {
            using var process = Process.Start(info)!;
            string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                process.Kill(entireProcessTree: false);
                return "scripts/chaos.sh --check did not finish within 30 s";
            }
            return process.ExitCode == 0
                ? null
                : string.Create(CultureInfo.InvariantCulture, $"scripts/chaos.sh --check (exit {process.ExitCode}): {output.Trim()}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return "cannot run bash: " + e.Message;
        }
    }
}
