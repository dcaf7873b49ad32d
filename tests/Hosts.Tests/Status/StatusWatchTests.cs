using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using RSerPool.Hosts.Commands;
using RSerPool.Hosts.Status;
using RSerPool.Hosts.Tests.Services;
using Spectre.Console;
using Xunit;

namespace RSerPool.Hosts.Tests.Status;

/// <summary>`rserpool monitor --watch` on a terminal: the status redrawn in place under a timestamp (Spectre.Console live display).</summary>
public sealed class StatusWatchTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 8, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public async Task Each_print_redraws_the_last_in_place_under_the_time()
    {
        int served = 0;
        using var http = new HttpClient(new Answer(() => Status(++served)));
        var watch = new StatusWatch(http, new Uri("http://127.0.0.1:8099/status"), new FixedTimeProvider(Now));
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
        });

        await watch.RunLiveAsync(console, TimeSpan.Zero, limit: 2, CancellationToken.None);

        string text = output.ToString();
        Assert.Equal(2, served);
        Assert.Contains("rserpool monitor  http://127.0.0.1:8099/status  2026-12-08 03:04:05 UTC", text, StringComparison.Ordinal);
        Assert.Contains("registrar 0x00000001", text, StringComparison.Ordinal);
        Assert.Contains("registrar 0x00000002", text, StringComparison.Ordinal);
        // Redrawn in place: the cursor goes back up over the previous print (CSI n A) instead of printing below it.
        Assert.Matches(@"\u001b\[\d+A", text);
    }

    [Fact]
    public async Task A_print_for_a_pipe_starts_with_the_endpoint_and_the_time()
    {
        using var http = new HttpClient(new Answer(() => Status(7)));
        var watch = new StatusWatch(http, new Uri("http://127.0.0.1:8099/status"), new FixedTimeProvider(Now));

        string print = await watch.ReadAsync(CancellationToken.None);

        Assert.StartsWith("rserpool monitor  http://127.0.0.1:8099/status  2026-12-08 03:04:05 UTC" + Environment.NewLine + "registrar 0x00000007", print,
            StringComparison.Ordinal);
    }

    private static string Status(int id) => JsonSerializer.Serialize(
        new RegistrarStatus($"0x{id:x8}", "127.0.0.1:3863", null, null, [], EnrpStartup: false, [], []), StatusServer.Json);

    private sealed class Answer(Func<string> body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body(), Encoding.UTF8, "application/json") });
    }
}
