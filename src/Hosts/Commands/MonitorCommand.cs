using System.CommandLine;
using System.Net.Http.Json;
using RSerPool.Hosts.Status;

namespace RSerPool.Hosts.Commands;

/// <summary>
/// <c>rserpool monitor</c>: prints what a registrar's status endpoint (<c>rserpool registrar --status</c>) reports:
/// its endpoints, ENRP peers and every pool with its PEs; once, or every <c>--watch</c> interval.
/// </summary>
public static class MonitorCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var status = new Option<string>("--status") { Description = "the registrar's status endpoint, http://HOST:PORT", Required = true };
        var watch = new Option<string?>("--watch") { Description = "print again every DURATION (e.g. 2s) until Ctrl-C or --count" };
        var count = new Option<int?>("--count") { Description = "with --watch: stop after N prints" };
        var json = new Option<bool>("--json") { Description = "print the JSON document as served" };
        var command = new Command("monitor", "Show a registrar's handlespace and ENRP peers (its --status endpoint)") { status, watch, count, json };
        command.SetAction(async (parse, cancel) =>
        {
            Uri address;
            TimeSpan? interval;
            try
            {
                address = new Uri(new Uri(parse.GetValue(status)!, UriKind.Absolute), "status");
                interval = parse.GetValue(watch) is { } text ? TerminalCommand.Duration(text, "--watch") : null;
            }
            catch (Exception e) when (e is UriFormatException or RSerPool.Actors.Configuration.RSerPoolConfigException)
            {
                stderr.WriteLine($"rserpool monitor: {e.Message}");
                return ExitCodes.Usage;
            }

            int limit = interval is null ? 1 : parse.GetValue(count) ?? int.MaxValue;
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            for (int printed = 0; printed < limit && !cancel.IsCancellationRequested; printed++)
            {
                try
                {
                    if (printed > 0)
                    {
                        await Task.Delay(interval!.Value, cancel).ConfigureAwait(false);
                        stdout.WriteLine();
                    }

                    if (parse.GetValue(json))
                    {
                        stdout.WriteLine(await http.GetStringAsync(address, cancel).ConfigureAwait(false));
                    }
                    else
                    {
                        var document = await http.GetFromJsonAsync<RegistrarStatus>(address, StatusServer.Json, cancel).ConfigureAwait(false);
                        stdout.Write(StatusText.Render(document!));
                    }
                }
                catch (OperationCanceledException) when (cancel.IsCancellationRequested)
                {
                    return ExitCodes.Success;   // Ctrl-C ends a watch
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
                {
                    stderr.WriteLine($"rserpool monitor: {address}: {e.Message}");
                    return ExitCodes.Failure;
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
