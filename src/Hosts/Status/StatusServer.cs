// The registrar's optional HTTP status endpoint (rserpool.registrar.status): /status (JSON), /metrics (Prometheus,
// docs/metrics.md), /health and /ready (docs/operations.md "Probes").
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RSerPool.Hosts.Status;

/// <summary>Kestrel on one endpoint serving what a <see cref="RegistrarStatusReader"/> reads, read-only, no other routes.</summary>
public sealed class StatusServer : IAsyncDisposable
{
    /// <summary>camelCase JSON, as `rserpool monitor` reads it.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly WebApplication _app;
    private readonly MeterExporter _exporter;
    private readonly RegistrarInstruments _instruments;

    private StatusServer(WebApplication app, Uri address, MeterExporter exporter, RegistrarInstruments instruments)
    {
        _app = app;
        Address = address;
        _exporter = exporter;
        _instruments = instruments;
    }

    /// <summary>Where it serves (the real port when 0 was asked).</summary>
    public Uri Address { get; }

    public static async Task<StatusServer> StartAsync(IPEndPoint endPoint, RegistrarStatusReader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        ArgumentNullException.ThrowIfNull(reader);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(endPoint));
        var app = builder.Build();
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

        string bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new StatusServer(app, new Uri(bound), exporter, instruments);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _exporter.Dispose();
        _instruments.Dispose();
    }
}
