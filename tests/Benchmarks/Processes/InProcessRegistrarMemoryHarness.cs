using System.Globalization;
using RSerPool.Benchmarks.Enrp;
using RSerPool.Benchmarks.Registrar;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;

namespace RSerPool.Benchmarks.Processes;

/// <summary>
/// The registrar-memory workload (<see cref="RegistrarMemoryHarness"/>) against a registrar in this process
/// (<see cref="EnrpRegistrarNode"/> without ENRP, logging at WARNING): managed heap growth per PE measured with
/// <c>GC.GetTotalMemory(true)</c>. An estimate of this tree's code without its host; the client side's own memory
/// (20 sockets and their buffers) is in the figure too, about 0.1 B/PE.
/// </summary>
public static class InProcessRegistrarMemoryHarness
{
    private const int Connections = 20;
    private static readonly TimeSpan StepLimit = TimeSpan.FromSeconds(120);

    /// <param name="hold">Keep the registrar up (up to 2 min, or until a line on stdin) so that
    /// <c>heap-types PID</c> can look at this process's heap.</param>
    public static void Run(int elements, bool hold) => RunAsync(elements, hold).GetAwaiter().GetResult();

    private static async Task RunAsync(int elements, bool hold)
    {
        await using var node = await EnrpRegistrarNode.StartAsync(0xa1, enrp: false).ConfigureAwait(false);
        var clients = new List<PipelinedAsapClient>();
        try
        {
            await RegistrarMemoryHarness.LoadAsync(node.Asap, clients, "WarmUp", 1, 0xf000_0000, 1_000).ConfigureAwait(false);
            long before = GC.GetTotalMemory(forceFullCollection: true);
            await RegistrarMemoryHarness.LoadAsync(node.Asap, clients, "MemoryPool", Connections, 1, elements).ConfigureAwait(false);
            long after = GC.GetTotalMemory(forceFullCollection: true);
            double perPe = (double)(after - before) / elements;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"in-process registrar: managed heap {before / 1e6:F1} → {after / 1e6:F1} MB for {elements:N0} PEs = {perPe:F0} B/PE"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT memory-inproc-heap-per-pe {perPe:F0}"));
            if (hold)
            {
                Console.WriteLine($"holding: heap-types {Environment.ProcessId}; press Enter to end");
                await Task.Run(Console.ReadLine).WaitAsync(TimeSpan.FromMinutes(2)).ConfigureAwait(false);
            }
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }
}
