using System.Globalization;
using Microsoft.Diagnostics.Runtime;

namespace RSerPool.Benchmarks.Processes;

/// <summary>
/// The types that take the most bytes in another .NET process's managed heap (ClrMD, attached with the process
/// suspended meanwhile): to explain a memory-per-PE figure. Counts every object on the heap, reachable or not, so
/// call it after a full GC.
/// </summary>
public static class HeapHistogram
{
    public static void Print(int pid, int top)
    {
        using DataTarget target = DataTarget.AttachToProcess(pid, suspend: true);
        using ClrRuntime runtime = target.ClrVersions[0].CreateRuntime();
        var bytes = new Dictionary<string, (long Size, long Count)>();
        foreach (ClrObject obj in runtime.Heap.EnumerateObjects())
        {
            string name = obj.Type?.Name ?? "?";
            bytes.TryGetValue(name, out var sum);
            bytes[name] = (sum.Size + (long)obj.Size, sum.Count + 1);
        }

        foreach (var (name, (size, count)) in bytes.OrderByDescending(pair => pair.Value.Size).Take(top))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {size / 1e6,8:F1} MB {count,10:N0}  {name}"));
        }
    }
}
