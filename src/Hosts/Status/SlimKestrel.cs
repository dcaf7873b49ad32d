// The hosts' small HTTP endpoints (status, node status, bootstrap contact point): Kestrel on one endpoint, no logging.
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RSerPool.Hosts.Status;

/// <summary>Builds, and after start reads and stops, a slim <see cref="WebApplication"/> listening on one endpoint.</summary>
public static class SlimKestrel
{
    /// <summary>An application that listens on <paramref name="endPoint"/> only and logs nothing of its own; map routes, then start it.</summary>
    public static WebApplication Create(IPEndPoint endPoint)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(endPoint));
        return builder.Build();
    }

    /// <summary>Where a started application serves (the real port when 0 was asked).</summary>
    public static Uri BoundAddress(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public static async ValueTask StopAsync(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }
}
