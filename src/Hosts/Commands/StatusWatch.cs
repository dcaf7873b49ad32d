// `rserpool monitor --watch`: the status redrawn in place (Spectre.Console's live display) under a timestamp line, or,
// when stdout is not a terminal, printed again after a blank line (a log keeps every print).
using System.Globalization;
using System.Net.Http.Json;
using RSerPool.Hosts.Status;
using Spectre.Console;

namespace RSerPool.Hosts.Commands;

/// <summary>Fetches a registrar's /status every interval and shows it until <c>--count</c> prints or Ctrl-C.</summary>
public sealed class StatusWatch(HttpClient http, Uri statusUrl, TimeProvider clock)
{
    /// <summary>The first line of every print: where it came from and when (UTC).</summary>
    public string Header(DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"rserpool monitor  {statusUrl}  {at.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC");

    /// <summary>One print: the header and the status as `rserpool monitor` prints it.</summary>
    public async Task<string> ReadAsync(CancellationToken cancel)
    {
        var status = await http.GetFromJsonAsync<RegistrarStatus>(statusUrl, StatusServer.Json, cancel).ConfigureAwait(false);
        return Header(clock.GetUtcNow()) + Environment.NewLine + StatusText.Render(status!);
    }

    /// <summary>Redraws in place on <paramref name="console"/> (a terminal) every <paramref name="interval"/>, <paramref name="limit"/> times.</summary>
    public Task RunLiveAsync(IAnsiConsole console, TimeSpan interval, int limit, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(console);
        return console.Live(new Text(Header(clock.GetUtcNow()) + Environment.NewLine + "reading " + statusUrl))
            .AutoClear(false)
            .Overflow(VerticalOverflow.Ellipsis)
            .StartAsync(async live =>
            {
                for (int printed = 0; printed < limit; printed++)
                {
                    if (printed > 0)
                    {
                        await Task.Delay(interval, clock, cancel).ConfigureAwait(false);
                    }

                    live.UpdateTarget(new Text(await ReadAsync(cancel).ConfigureAwait(false)));
                    live.Refresh();
                }
            });
    }
}
