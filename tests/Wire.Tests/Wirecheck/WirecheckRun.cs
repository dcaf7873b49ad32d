using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using RSerPool.Wire.Tests.Support;

namespace RSerPool.Wire.Tests.Wirecheck;

/// <summary>
/// Runs the wirecheck tool (docs/protocol-notes.md §15) once over many messages: each message is written as a
/// .hex file into a fresh temporary folder, named so that wirecheck takes the protocol from its prefix.
/// </summary>
public static partial class WirecheckRun
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <param name="transport">sctp, tcp or udp.</param>
    /// <param name="allowUnknownPolicy">Pass --allow-unknown-policy (only for the four RSPLIB codes, docs/protocol-notes.md §14).</param>
    public static WirecheckOutcome Check(IReadOnlyList<WirecheckInput> inputs, string transport, bool allowUnknownPolicy)
    {
        string folder = Path.Combine(Path.GetTempPath(), "rserpool-wirecheck-" + Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(folder);
        try
        {
            var paths = new List<string>(inputs.Count);
            for (int i = 0; i < inputs.Count; i++)
            {
                WirecheckInput input = inputs[i];
                string file = string.Create(CultureInfo.InvariantCulture, $"{(input.IsEnrp ? "enrp" : "asap")}-{i:D4}.hex");
                string path = Path.Combine(folder, file);
                File.WriteAllText(path, Hex.Format(input.Bytes) + "\n");
                paths.Add(path);
            }

            var start = new ProcessStartInfo("python3")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(WirecheckTool.ScriptPath);
            start.ArgumentList.Add("--quiet");
            start.ArgumentList.Add("--transport");
            start.ArgumentList.Add(transport);
            if (allowUnknownPolicy)
            {
                start.ArgumentList.Add("--allow-unknown-policy");
            }

            foreach (string path in paths)
            {
                start.ArgumentList.Add(path);
            }

            using Process process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            Task<string> errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"wirecheck did not finish within {Timeout}");
            }

            string stdout = output.GetAwaiter().GetResult();
            string stderr = errors.GetAwaiter().GetResult();
            return new WirecheckOutcome(process.ExitCode, stdout, stderr, ParseResults(stdout, paths, inputs));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A readable account of every non-passing input, with its bytes, for assertion messages.</summary>
    public static string Describe(WirecheckOutcome outcome, Func<WirecheckResult, bool> isProblem)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"wirecheck exit code {outcome.ExitCode}");
        if (outcome.StandardError.Length > 0)
        {
            text.Append("; stderr: ").Append(outcome.StandardError.Trim());
        }

        foreach (WirecheckResult result in outcome.Results.Where(isProblem))
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"{result.Status}: {result.Input.Label}: {Hex.Format(result.Input.Bytes)}");
            foreach (string problem in result.Problems)
            {
                text.AppendLine().Append("    ").Append(problem);
            }
        }

        return text.ToString();
    }

    private static List<WirecheckResult> ParseResults(string stdout, List<string> paths, IReadOnlyList<WirecheckInput> inputs)
    {
        var results = new List<WirecheckResult>();
        WirecheckInput? current = null;
        string status = string.Empty;
        var problems = new List<string>();
        foreach (string line in stdout.Split('\n'))
        {
            Match verdict = VerdictLine().Match(line);
            if (verdict.Success)
            {
                Flush();
                int index = paths.IndexOf(verdict.Groups["path"].Value);
                current = index >= 0 ? inputs[index] : null;
                status = verdict.Groups["status"].Value;
                problems = [];
            }
            else if (line.StartsWith("  !! ", StringComparison.Ordinal))
            {
                problems.Add(line[5..]);
            }
        }

        Flush();
        return results;

        void Flush()
        {
            if (current is not null)
            {
                results.Add(new WirecheckResult(current, status, problems));
            }
        }
    }

    [GeneratedRegex(@"^=== (?<status>PASS|FAIL|SKIP): (?<path>.+) \((?:ASAP|ENRP), (?:SCTP|TCP|UDP)\)$")]
    private static partial Regex VerdictLine();
}
