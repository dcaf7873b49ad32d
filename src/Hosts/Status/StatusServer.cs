// The registrar's optional HTTP status endpoint (rserpool.registrar.status): /status (JSON), /metrics (Prometheus,
// docs/metrics.md), /health and /ready (docs/operations.md "Probes").
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace RSerPool.Hosts.Status;

/// <summary>Kestrel on one endpoint serving what a <see cref="RegistrarStatusReader"/> reads, read-only, no other routes.</summary>
public sealed class StatusServer : IAsyncDisposable
{
    /// <summary>camelCase JSON, as `rserpool monitor` reads it.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly WebApplication _app;
    private readonly MeterExporter _exporter;
    private readonly RegistrarInstruments _instruments;
    private readonly LiveFeed _feed;

    private StatusServer(WebApplication app, Uri address, MeterExporter exporter, RegistrarInstruments instruments, LiveFeed feed)
    {
        _app = app;
        Address = address;
        _exporter = exporter;
        _instruments = instruments;
        _feed = feed;
    }

    /// <summary>The live page (an embedded resource: the registrar serves it without any file or network access).</summary>
    public static string LivePage { get; } = ReadLivePage();

    /// <summary>Where it serves (the real port when 0 was asked).</summary>
    public Uri Address { get; }

    /// <param name="eventsInterval">How often the live page's feed reads the status while a page is open.</param>
    public static async Task<StatusServer> StartAsync(IPEndPoint endPoint, RegistrarStatusReader reader, TimeSpan eventsInterval, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        ArgumentNullException.ThrowIfNull(reader);
        var app = SlimKestrel.Create(endPoint);
        app.MapGet("/status", async (HttpContext context) =>
        {
            var status = await reader.ReadAsync(context.RequestAborted).ConfigureAwait(false);
            await Results.Json(status, Json).ExecuteAsync(context).ConfigureAwait(false);
        });
        var instruments = new RegistrarInstruments();
        var exporter = new MeterExporter(RegistrarInstruments.LabelNames, instruments.Meter);
        app.MapGet("/metrics", async (HttpContext context) =>
        {
            instruments.Update(await reader.ReadAsync(context.RequestAborted).ConfigureAwait(false));
            context.Response.ContentType = MeterExporter.ContentType;
            await exporter.ExportAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        });
        // Liveness: the process answers. Readiness: the registrar listens (it does before this endpoint starts) and is
        // out of the ENRP startup phase (RFC 5353 §3.2: its handlespace is not yet complete during it).
        app.MapGet("/health", () => Results.Text("alive\n"));
        app.MapGet("/ready", async (HttpContext context) =>
        {
            var status = await reader.ReadAsync(context.RequestAborted).ConfigureAwait(false);
            return status.EnrpStartup
                ? Results.Text("not ready: ENRP startup phase (learning the handlespace from a mentor registrar)\n", statusCode: StatusCodes.Status503ServiceUnavailable)
                : Results.Text("ready: ASAP listening, ENRP startup over\n");
        });
        var feed = new LiveFeed(reader.ReadAsync, eventsInterval, TimeProvider.System);
        var stopping = app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        app.MapGet("/", () => Results.Content(LivePage, "text/html; charset=utf-8"));
        app.MapGet("/events", async (HttpContext context) =>
        {
            // Server-sent events (HTML Living Standard §9.2): one "data:" line of JSON per update; ends when the page
            // goes or the endpoint stops.
            using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
            context.Response.ContentType = "text/event-stream";
            context.Response.Headers.CacheControl = "no-cache";
            await context.Response.Body.FlushAsync(ended.Token).ConfigureAwait(false);
            try
            {
                await foreach (string update in feed.SubscribeAsync(ended.Token).ConfigureAwait(false))
                {
                    await context.Response.WriteAsync($"data: {update}\n\n", ended.Token).ConfigureAwait(false);
                    await context.Response.Body.FlushAsync(ended.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (ended.IsCancellationRequested)
            {
                // the page went or the endpoint stops
            }
        });
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            exporter.Dispose();
            instruments.Dispose();
            throw;
        }

        feed.Start();
        return new StatusServer(app, SlimKestrel.BoundAddress(app), exporter, instruments, feed);
    }

    public async ValueTask DisposeAsync()
    {
        await _feed.DisposeAsync().ConfigureAwait(false);
        await SlimKestrel.StopAsync(_app).ConfigureAwait(false);
        _exporter.Dispose();
        _instruments.Dispose();
    }

    private static string ReadLivePage()
    {
        using var stream = typeof(StatusServer).Assembly.GetManifestResourceStream("RSerPool.Hosts.Status.live.html")
            ?? throw new InvalidOperationException("the live page is not embedded (RSerPool.Hosts.csproj)");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
