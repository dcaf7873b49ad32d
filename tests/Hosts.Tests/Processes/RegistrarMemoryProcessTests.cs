using System.Diagnostics;
using System.Globalization;
using System.Net;
using RSerPool.Hosts.Tests.Support;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;
using Xunit;

namespace RSerPool.Hosts.Tests.Processes;

/// <summary>Issue 14 item 3: a real registrar gives its memory back once its PEs are gone (rserpool.registrar.idle-memory-trim).</summary>
public sealed class RegistrarMemoryProcessTests
{
    private const int Connections = 4;
    private const int PerConnection = 5_000;
    private static readonly TimeSpan ReturnLimit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Resident_memory_returns_to_within_one_and_a_half_times_idle_within_a_minute_after_20000_PEs_left()
    {
        await using var registrar = RserpoolProcess.Start("registrar", "--asap", "127.0.0.1:0", "--asap-announce", "off", "--enrp", "off",
            "--keep-alive-interval", "3600s", "--max-registration-life", "24h");
        var ready = await registrar.WaitForLineAsync(@"ready: ASAP on TCP 127\.0\.0\.1:(\d+)");
        var asap = new IPEndPoint(IPAddress.Loopback, int.Parse(ready.Groups[1].Value, CultureInfo.InvariantCulture));

        // Idle: after one registration and one resolution were answered and the PE left again.
        using (var first = await AsapClient.ConnectAsync(asap))
        {
            await RegisterAsync(first, "Warm", 1, 1);
            await first.SendAsync(new AsapHandleResolution(PoolHandle.FromString("Warm")));
            Assert.IsType<AsapHandleResolutionResponse>(await first.ReceiveAsync());
        }

        long idle = Resident(registrar);
        long loaded;
        var clients = new List<AsapClient>();
        try
        {
            for (int c = 0; c < Connections; c++)
            {
                clients.Add(await AsapClient.ConnectAsync(asap));
            }

            await Task.WhenAll(clients.Select((client, c) => RegisterAsync(client, $"Load{c}", 1 + (uint)(c * PerConnection), PerConnection)));
            loaded = Resident(registrar);
        }
        finally
        {
            clients.ForEach(client => client.Dispose());   // the registrar removes the PEs of a closed association
        }

        Assert.True(loaded > 1.5 * idle, $"20,000 PEs should take the registrar above 1.5x its idle memory: idle {idle >> 20} MB, loaded {loaded >> 20} MB");
        var since = Stopwatch.StartNew();
        long resident = Resident(registrar);
        while (resident > 1.5 * idle && since.Elapsed < ReturnLimit)
        {
            await Task.Delay(250);   // polling /proc with a deadline: the process gives no event for its RSS
            resident = Resident(registrar);
        }

        Assert.True(resident <= 1.5 * idle,
            $"resident {resident >> 20} MB {since.Elapsed.TotalSeconds:F0} s after the PEs left; idle {idle >> 20} MB, loaded {loaded >> 20} MB");
    }

    /// <summary>Registers <paramref name="count"/> Round Robin PEs in one write and reads every answer (all accepted).</summary>
    private static async Task RegisterAsync(AsapClient client, string pool, uint firstIdentifier, int count)
    {
        var batch = new MemoryStream();
        for (uint i = 0; i < count; i++)
        {
            var element = new PoolElement(firstIdentifier + i, 0, 86_400_000,
                new TcpTransport((ushort)(1024 + (i % 60_000)), TransportUse.DataOnly, [IPAddress.Loopback]), PoolMemberSelectionPolicy.RoundRobin());
            batch.Write(AsapEncoder.EncodeToArray(new AsapRegistration(PoolHandle.FromString(pool), element)));
        }

        Task send = client.SendRawAsync(batch.ToArray());
        for (int i = 0; i < count; i++)
        {
            Assert.False(Assert.IsType<AsapRegistrationResponse>(await client.ReceiveAsync()).Rejected);
        }

        await send;
    }

    private static long Resident(RserpoolProcess process)
    {
        foreach (string line in File.ReadLines($"/proc/{process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException($"no VmRSS for process {process.Id}");
    }
}
