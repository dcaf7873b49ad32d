using System.Diagnostics;
using System.Text.RegularExpressions;

namespace RSerPool.Hosts.Tests.Support;

/// <summary>
/// Runs the real <c>rserpool</c> executable (the Hosts build output next to the tests) and collects its output;
/// <see cref="WaitForLineAsync"/> awaits a log line instead of sleeping. Only this process is ever signalled or killed.
/// </summary>
public sealed class RserpoolProcess : IAsyncDisposable
{
    private static readonly TimeSpan LineTimeout = TimeSpan.FromSeconds(30);
    private readonly Process _process;
    private readonly List<string> _lines = new();
    private readonly object _gate = new();
    private readonly List<(Regex Pattern, TaskCompletionSource<Match> Found)> _waiters = new();

    private RserpoolProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public static RserpoolProcess Start(params string[] args) =>
        StartExecutable(Path.Combine(AppContext.BaseDirectory, "rserpool.dll"), args);

    /// <summary>Starts the <c>rserpool.dll</c> at <paramref name="rserpoolDll"/> (the benchmarks use the Hosts build output).</summary>
    public static RserpoolProcess StartExecutable(string rserpoolDll, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(rserpoolDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var wrapper = new RserpoolProcess(process);
        process.OutputDataReceived += (_, e) => wrapper.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => wrapper.OnLine(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return wrapper;
    }

    public string Output
    {
        get
        {
            lock (_gate)
            {
                return string.Join('\n', _lines);
            }
        }
    }

    /// <summary>Waits for the first output line (past or future) matching <paramref name="pattern"/>.</summary>
    public async Task<Match> WaitForLineAsync(string pattern)
    {
        var regex = new Regex(pattern);
        var found = new TaskCompletionSource<Match>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            foreach (var line in _lines)
            {
                var match = regex.Match(line);
                if (match.Success)
                {
                    return match;
                }
            }
            _waiters.Add((regex, found));
        }
        using var timeout = new CancellationTokenSource(LineTimeout);
        await using var registration = timeout.Token.Register(() => found.TrySetException(new TimeoutException($"no line matching /{pattern}/ within {LineTimeout}; output:\n{Output}")));
        return await found.Task.ConfigureAwait(false);
    }

    /// <summary>Writes one line to the process's stdin.</summary>
    public async Task WriteLineAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line).ConfigureAwait(false);
        await _process.StandardInput.FlushAsync().ConfigureAwait(false);
    }

    /// <summary>Ends the process's stdin.</summary>
    public void CloseInput() => _process.StandardInput.Close();

    /// <summary>Output lines so far that match <paramref name="pattern"/>.</summary>
    public IReadOnlyList<string> LinesMatching(string pattern)
    {
        var regex = new Regex(pattern);
        lock (_gate)
        {
            return _lines.Where(line => regex.IsMatch(line)).ToArray();
        }
    }

    /// <summary>Sends SIGTERM (or SIGKILL) to this process only.</summary>
    public void Signal(bool kill = false)
    {
        if (_process.HasExited)
        {
            return;
        }
        if (kill)
        {
            _process.Kill(entireProcessTree: false); // SIGKILL, sent directly
        }
        else
        {
            Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
        }
    }

    /// <summary>Sends SIGINT (what Ctrl-C sends) to this process only.</summary>
    public void Interrupt()
    {
        if (!_process.HasExited)
        {
            Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
        }
    }

    /// <summary>Output lines so far, in order.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate)
            {
                return _lines.ToArray();
            }
        }
    }

    public async Task<int> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(LineTimeout);
        await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        return _process.ExitCode;
    }

    /// <summary>The exit code, awaited for at most <paramref name="within"/>; a <see cref="TimeoutException"/> with the output after.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the process did not exit within {within}; output:\n{Output}");
        }
        return _process.ExitCode;
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_gate)
        {
            _lines.Add(line);
            for (int i = _waiters.Count - 1; i >= 0; i--)
            {
                var match = _waiters[i].Pattern.Match(line);
                if (match.Success)
                {
                    _waiters[i].Found.TrySetResult(match);
                    _waiters.RemoveAt(i);
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }
        _process.Dispose();
    }
}
