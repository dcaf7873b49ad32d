using System.Diagnostics;
using System.Globalization;
using System.Net;
using RSerPool.Benchmarks.Registrar;
using RSerPool.Hosts.Tests.Support;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;
using RSerPool.Benchmarks.Support;

namespace RSerPool.Benchmarks.Enrp;

/// <summary>
/// Issue 6 benchmark (c) with a cold new registrar: one real <c>rserpool registrar</c> mentor process per configuration
/// (extra command-line arguments, e.g. a <c>--config</c> with other paging), each holding <c>elements</c> PEs (20 raw
/// connections, one pipelined write each). Each run starts, per configuration in turn, a new process B with that mentor
/// as its static peer and measures from B's "ready" line to its "handlespace download from 0x000000a1 complete" line
/// (B's code starts unjitted, as in production; the process start itself is not counted). Alternating the
/// configurations run by run lets a noisy machine affect them alike.
/// </summary>
public static class ProcessSyncHarness
{
    private const int Connections = 20;
    private static readonly TimeSpan StepLimit = TimeSpan.FromSeconds(60);

    /// <summary>Per configuration: wall-clock ms of each run, and CPU ms that B and the mentor spent during it (less sensitive to a loaded machine).</summary>
    public static async Task<(List<double> Wall, List<double> CpuNew, List<double> CpuMentor)[]> MeasureAsync(string rserpoolDll, int elements, int runs, params string[][] mentorArguments)
    {
        var mentors = new List<(RserpoolProcess Process, string Enrp)>();
        var clients = new List<PipelinedAsapClient>();
        try
        {
            foreach (string[] arguments in mentorArguments)
            {
                var a = RserpoolProcess.StartExecutable(rserpoolDll, ["registrar", "--asap", "127.0.0.1:0", "--asap-announce", "off", "--enrp", "127.0.0.1:0",
                    "--server-id", "0xa1", "--keep-alive-interval", "3600s", "--max-registration-life", "24h", .. arguments]);
                var ready = await a.WaitForLineAsync(@"ready: ASAP on TCP 127\.0\.0\.1:(\d+), ENRP on TCP (127\.0\.0\.1:\d+)").ConfigureAwait(false);
                mentors.Add((a, ready.Groups[2].Value));
                await LoadAsync(new IPEndPoint(IPAddress.Loopback, int.Parse(ready.Groups[1].Value, CultureInfo.InvariantCulture)), elements, clients).ConfigureAwait(false);
                await ProcessOutput.WaitQuietAsync(a, TimeSpan.FromMinutes(5)).ConfigureAwait(false);   // its registration log lines written
            }

            var times = mentorArguments.Select(_ => (Wall: new List<double>(), CpuNew: new List<double>(), CpuMentor: new List<double>())).ToArray();
            for (int run = 1; run <= runs; run++)
            {
                for (int m = 0; m < mentors.Count; m++)
                {
                    await using var b = RserpoolProcess.StartExecutable(rserpoolDll, "registrar", "--asap", "127.0.0.1:0", "--asap-announce", "off",
                        "--enrp", "127.0.0.1:0", "--server-id", $"0xb{run:x}", "--keep-alive-interval", "3600s", "--max-registration-life", "24h", "--peer", mentors[m].Enrp);
                    await b.WaitForLineAsync("ready: ASAP on TCP").ConfigureAwait(false);
                    using var newProcess = Process.GetProcessById(b.Id);
                    using var mentorProcess = Process.GetProcessById(mentors[m].Process.Id);
                    TimeSpan cpuNew = newProcess.TotalProcessorTime;
                    TimeSpan cpuMentor = mentorProcess.TotalProcessorTime;
                    long start = Stopwatch.GetTimestamp();
                    var done = await b.WaitForLineAsync(@"handlespace download from 0x000000a1 complete: (\d+) PEs known").ConfigureAwait(false);
                    double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    newProcess.Refresh();
                    mentorProcess.Refresh();
                    double newMs = (newProcess.TotalProcessorTime - cpuNew).TotalMilliseconds;
                    double mentorMs = (mentorProcess.TotalProcessorTime - cpuMentor).TotalMilliseconds;
                    if (done.Groups[1].Value != elements.ToString(CultureInfo.InvariantCulture))
                    {
                        throw new InvalidOperationException($"B knows {done.Groups[1].Value} PEs");
                    }

                    times[m].Wall.Add(ms);
                    times[m].CpuNew.Add(newMs);
                    times[m].CpuMentor.Add(mentorMs);
                    string how = mentorArguments[m].Length > 0 ? string.Join(' ', mentorArguments[m]) : "defaults";
                    Console.WriteLine($"mentor sync (processes, mentor {how}) run {run}: {ms:F0} ms from B's ready line to its download-complete line; CPU: B {newMs:F0} ms, mentor {mentorMs:F0} ms");
                }
            }

            return times;
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }

            foreach (var (process, _) in mentors)
            {
                await process.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    internal static async Task LoadAsync(IPEndPoint asap, int elements, List<PipelinedAsapClient> clients)
    {
        int perConnection = elements / Connections;
        var loads = new List<Task<int>>();
        for (int c = 0; c < Connections; c++)
        {
            var client = await PipelinedAsapClient.ConnectAsync(asap).ConfigureAwait(false);
            clients.Add(client);
            byte[] batch = EnrpWorkload.RegistrationBatch(PoolHandle.FromString($"SyncPool{c % 4}"), (uint)((c * perConnection) + 1), perConnection);
            loads.Add(client.RoundTripAsync(batch, perConnection, (byte)AsapMessageType.RegistrationResponse));
        }

        int rejected = (await Task.WhenAll(loads).WaitAsync(StepLimit).ConfigureAwait(false)).Sum();
        if (rejected != 0)
        {
            throw new InvalidOperationException($"{rejected} registrations rejected");
        }
    }
}
