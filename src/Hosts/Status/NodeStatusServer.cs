// The status endpoint of `rserpool server --status HOST:PORT` and `rserpool terminal --status HOST:PORT`
// (rserpool.server.status, rserpool.terminal.status; docs/metrics.md "Servers and terminals"): /status (JSON: NodeStatus,
// TerminalStatus), /metrics (the process's "RSerPool" Meter and build), /health and /ready.
using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using RSerPool.Actors.Metrics;

namespace RSerPool.Hosts.Status;

/// <summary>Kestrel on one endpoint serving a server's or terminal's own status, read-only.</summary>
public sealed class NodeStatusServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly MeterExporter _exporter;
    private readonly Meter _meter;

    private NodeStatusServer(WebApplication app, Uri address, MeterExporter exporter, Meter meter)
    {
        _app = app;
        Address = address;
        _exporter = exporter;
        _meter = meter;
    }

    /// <summary>Where it serves (the real port when 0 was asked).</summary>
    public Uri Address { get; }

    /// <param name="read">The node's status now (a JSON document).</param>
    /// <param name="notReady">Why the node is not ready now (503 at /ready); null = ready.</param>
    public static async Task<NodeStatusServer> StartAsync(IPEndPoint endPoint, Func<object> read, Func<string?> notReady,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(notReady);
        var app = SlimKestrel.Create(endPoint);
        var meter = new Meter(RSerPoolMetrics.MeterName);
        BuildInfo.AddTo(meter);
        var exporter = new MeterExporter(BuildInfo.LabelNames, meter);
        app.MapGet("/status", () => Results.Json(read(), StatusServer.Json));
        app.MapGet("/health", () => Results.Text("alive\n"));
        app.MapGet("/ready", () => notReady() is { } why
            ? Results.Text($"not ready: {why}\n", statusCode: StatusCodes.Status503ServiceUnavailable)
            : Results.Text("ready\n"));
        app.MapGet("/metrics", async (HttpContext context) =>
        {
            context.Response.ContentType = MeterExporter.ContentType;
            await exporter.ExportAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        });
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            exporter.Dispose();
            meter.Dispose();
            throw;
        }

        return new NodeStatusServer(app, SlimKestrel.BoundAddress(app), exporter, meter);
    }

    public async ValueTask DisposeAsync()
    {
        await SlimKestrel.StopAsync(_app).ConfigureAwait(false);
        _exporter.Dispose();
        _meter.Dispose();
    }
}
