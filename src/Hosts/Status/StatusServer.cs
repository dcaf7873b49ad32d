// The registrar's optional HTTP status endpoint (rserpool.registrar.status): /status (JSON) and /metrics (Prometheus).
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

    private StatusServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
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
        app.MapGet("/metrics", async (HttpContext context) =>
        {
            var status = await reader.ReadAsync(context.RequestAborted).ConfigureAwait(false);
            await Results.Text(StatusMetrics.Render(status), StatusMetrics.ContentType).ExecuteAsync(context).ConfigureAwait(false);
        });
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        string bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new StatusServer(app, new Uri(bound));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
