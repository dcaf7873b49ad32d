using System.Text;
using RSerPool.Hosts.Status;

namespace RSerPool.Hosts.Tests.Support;

/// <summary>/metrics of a registrar status, as the status endpoint writes it (RegistrarInstruments through MeterExporter).</summary>
public static class MetricsText
{
    public static async Task<string> RenderAsync(RegistrarStatus status)
    {
        using var instruments = new RegistrarInstruments();
        using var exporter = new MeterExporter(RegistrarInstruments.LabelNames, instruments.Meter);
        instruments.Update(status);
        return await ExportAsync(exporter);
    }

    public static async Task<string> ExportAsync(MeterExporter exporter)
    {
        ArgumentNullException.ThrowIfNull(exporter);
        using var stream = new MemoryStream();
        await exporter.ExportAsync(stream, CancellationToken.None);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
