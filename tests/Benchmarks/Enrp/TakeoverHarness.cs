using System.Diagnostics;
using System.Globalization;
using System.Net;
using RSerPool.Benchmarks.Registrar;
using RSerPool.Hosts.Tests.Support;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;

namespace RSerPool.Benchmarks.Enrp;

/// <summary>
/// Issue 6 benchmark (d): three real <c>rserpool registrar</c> processes on loopback (ids 0xa1, 0xb2, 0xc3, default
/// ENRP timers); 1,000 PEs registered at 0xa1 over one raw connection, then a marker PE, awaited at both others so
/// they hold every copy; SIGKILL of 0xa1; the time until 0xb2 or 0xc3 logs that it is the new home of all its PEs.
/// </summary>
public static class TakeoverHarness
{
    private static readonly TimeSpan StepLimit = TimeSpan.FromSeconds(30);

    /// <summary>Returns the time from SIGKILL to the taker's log line, and to both survivors resolving the marker with the taker as home.</summary>
    public static async Task<(double TakenOver, double ResolvedWithNewHome)> MeasureAsync(string rserpoolDll, int elements)
    {
        var (a, aAsap, aEnrp) = await StartRegistrarAsync(rserpoolDll, "0xa1").ConfigureAwait(false);
        await using var _ = a;
        var (b, bAsap, bEnrp) = await StartRegistrarAsync(rserpoolDll, "0xb2", "--peer", aEnrp.ToString()).ConfigureAwait(false);
        await using var __ = b;
        var (c, cAsap, _) = await StartRegistrarAsync(rserpoolDll, "0xc3", "--peer", aEnrp.ToString(), "--peer", bEnrp.ToString()).ConfigureAwait(false);
        await using var ___ = c;
        await b.WaitForLineAsync("new ENRP peer 0x000000c3").ConfigureAwait(false);
        await a.WaitForLineAsync("new ENRP peer 0x000000c3").ConfigureAwait(false);

        using var pes = await PipelinedAsapClient.ConnectAsync(aAsap).ConfigureAwait(false);
        byte[] batch = EnrpWorkload.RegistrationBatch(PoolHandle.FromString("TakeoverPool"), 1, elements);
        int rejected = await pes.RoundTripAsync(batch, elements, (byte)AsapMessageType.RegistrationResponse).WaitAsync(StepLimit).ConfigureAwait(false);
        if (rejected != 0)
        {
            throw new InvalidOperationException($"{rejected} registrations rejected");
        }

        var marker = PoolHandle.FromString("TakeoverMarker");
        using var markerPe = await AsapProbeClient.ConnectAsync(aAsap).ConfigureAwait(false);
        await markerPe.RequestAsync(new AsapRegistration(marker, EnrpWorkload.Element(0xfeed))).ConfigureAwait(false);
        await AwaitResolvableAsync(bAsap, marker).ConfigureAwait(false);
        await AwaitResolvableAsync(cAsap, marker).ConfigureAwait(false);

        long killed = Stopwatch.GetTimestamp();
        a.Signal(kill: true);
        string line = $"took over 0x000000a1: now home of its {elements + 1} PEs";
        await Task.WhenAny(b.WaitForLineAsync(line), c.WaitForLineAsync(line)).Unwrap().ConfigureAwait(false);
        double takenOver = Stopwatch.GetElapsedTime(killed).TotalMilliseconds;
        uint taker = b.Output.Contains(line, StringComparison.Ordinal) ? 0xb2u : 0xc3u;
        await Task.WhenAll(AwaitResolvableAsync(bAsap, marker, taker), AwaitResolvableAsync(cAsap, marker, taker)).ConfigureAwait(false);
        return (takenOver, Stopwatch.GetElapsedTime(killed).TotalMilliseconds);
    }

    internal static async Task AwaitResolvableAsync(IPEndPoint asap, PoolHandle handle, uint? home = null)
    {
        using var pu = await AsapProbeClient.ConnectAsync(asap).ConfigureAwait(false);
        long start = Stopwatch.GetTimestamp();
        while (true)
        {
            var response = (AsapHandleResolutionResponse)await pu.RequestAsync(new AsapHandleResolution(handle, 1)).ConfigureAwait(false);
            if (response.Error is null && response.PoolElements.Count > 0 && (home is null || response.PoolElements[0].HomeServerIdentifier == home))
            {
                return;
            }

            if (Stopwatch.GetElapsedTime(start) > StepLimit)
            {
                throw new TimeoutException($"{handle} never resolvable at {asap}");
            }

            await Task.Delay(1).ConfigureAwait(false);
        }
    }

    private static async Task<(RserpoolProcess Process, IPEndPoint Asap, IPEndPoint Enrp)> StartRegistrarAsync(string dll, string serverId, params string[] extra)
    {
        var process = RserpoolProcess.StartExecutable(dll, ["registrar", "--asap", "127.0.0.1:0", "--asap-announce", "off", "--enrp", "127.0.0.1:0",
            "--server-id", serverId, "--keep-alive-interval", "3600s", "--max-hr-rate", "0", "--max-hr-rate-per-host", "0", "--max-registration-life", "24h", .. extra]);
        var ready = await process.WaitForLineAsync(@"ready: ASAP on TCP 127\.0\.0\.1:(\d+), ENRP on TCP 127\.0\.0\.1:(\d+)").ConfigureAwait(false);
        return (process,
            new IPEndPoint(IPAddress.Loopback, int.Parse(ready.Groups[1].Value, CultureInfo.InvariantCulture)),
            new IPEndPoint(IPAddress.Loopback, int.Parse(ready.Groups[2].Value, CultureInfo.InvariantCulture)));
    }
}
