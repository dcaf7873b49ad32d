using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using RSerPool.Hosts.Tests.Support;
using Xunit;

namespace RSerPool.Hosts.Tests.Processes;

/// <summary>
/// Issue 15 items 2 and 4 end to end: three registrar processes in cluster mode, PE processes homed at registrar A,
/// <c>rserpool monitor --watch-pool</c> joined through another registrar; A is SIGKILLed, a survivor runs the ENRP
/// takeover (RFC 5353 §3.5) and publishes each PE it took over (docs/cluster.md "Membership watch"). The monitor
/// shows a move (reason TakenOver, home = the taker), never a removal, and every PE stays listed exactly once.
/// </summary>
public sealed partial class PoolWatchTakeoverProcessTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string Pool = "EchoPool";

    [Fact]
    public async Task The_monitor_shows_the_PEs_of_a_killed_registrar_moving_to_the_taker_with_none_lost_or_listed_twice()
    {
        var whole = Stopwatch.StartNew();
        var a = await ClusterProcessTests.StartClusteredAsync("0xa1", seed: null);
        await using var _a = a.Process;
        var b = await ClusterProcessTests.StartClusteredAsync("0xb2", a.Remote);
        await using var _b = b.Process;
        var c = await ClusterProcessTests.StartClusteredAsync("0xc3", a.Remote);
        await using var _c = c.Process;
        foreach (var (node, others) in new[] { (a, new[] { "b2", "c3" }), (b, new[] { "a1", "c3" }), (c, new[] { "a1", "b2" }) })
        {
            // Both others Up in this node's view: a node killed while another is still joining can leave the cluster
            // unable to decide (docs/cluster.md).
            await node.Process.WaitForLineAsync($"ENRP peers from the cluster: 0x000000{others[0]} at .*, 0x000000{others[1]} at");
        }

        // Two PEs homed at A: they know no other registrar, so only a takeover keeps them.
        var homes = new Dictionary<uint, ClusterProcessTests.Node> { [0xa01] = a, [0xa02] = a };
        var pes = new List<RserpoolProcess>();
        try
        {
            foreach (var (id, home) in homes)
            {
                pes.Add(StartPe(id, home.Asap));
            }

            foreach (uint id in homes.Keys)
            {
                foreach (var node in new[] { b, c })
                {
                    await node.Process.WaitForLineAsync($"copy of PE 0x{id:x8} .* from registrar 0x000000a1 added");
                }
            }

            var monitor = StartMonitor(b);
            await using var _m = monitor;
            await monitor.WaitForLineAsync($@"^pool {Pool}: 2 PE\(s\)");
            foreach (uint id in homes.Keys)
            {
                await monitor.WaitForLineAsync($@"^  PE 0x{id:x8} home 0x000000a1 ");
            }

            // PEs homed at each survivor, started until one reaches the monitor as Registered: then the survivor's
            // node knows the monitor's subscription (distributed pub/sub gossip; before, an event is repaired as
            // Resynchronized, docs/cluster.md "Membership watch") and the takeover event can reach it as TakenOver.
            foreach (var (survivor, firstId) in new[] { (b, 0xb01u), (c, 0xc01u) })
            {
                for (uint id = firstId; ; id++)
                {
                    Assert.True(id < firstId + 5, $"no registration at 0x{Id(survivor):x8} reached the monitor by pub/sub:\n{monitor.Output}");
                    homes[id] = survivor;
                    pes.Add(StartPe(id, survivor.Asap));
                    var added = await monitor.WaitForLineAsync($@"^\+ added \((\w+)\): PE 0x{id:x8} home 0x{Id(survivor):x8} ");
                    output.WriteLine($"PE 0x{id:x8} at 0x{Id(survivor):x8}: {added.Groups[1].Value}");
                    if (added.Groups[1].Value == "Registered")
                    {
                        break;
                    }
                }
            }

            var clock = Stopwatch.StartNew();
            a.Process.Signal(kill: true);
            const string took = "took over 0x000000a1: now home of its 2 PEs";
            var byB = b.Process.WaitForLineAsync(took);
            var byC = c.Process.WaitForLineAsync(took);
            var first = await Task.WhenAny(byB, byC);
            await first;
            var taker = first == byB ? b : c;
            uint takerId = Id(taker);
            var takenOver = new List<TimeSpan>();
            foreach (uint id in new uint[] { 0xa01, 0xa02 })
            {
                await monitor.WaitForLineAsync($@"^~ updated \(TakenOver\): PE 0x{id:x8} home 0x{takerId:x8} ");
                takenOver.Add(clock.Elapsed);
            }

            output.WriteLine($"A SIGKILLed; taken over by 0x{takerId:x8}; the monitor showed both moves {takenOver[^1].TotalMilliseconds:F0} ms after the SIGKILL");

            // The PEs live on: each answers its new home (the taker's Keep Alive with H=1, RFC 5353 §3.5.2).
            await pes[0].WaitForLineAsync($@"PE 0x00000a01: \w+ \(home registrar 0x{takerId:x8}\)");
            await pes[1].WaitForLineAsync($@"PE 0x00000a02: \w+ \(home registrar 0x{takerId:x8}\)");

            // A fresh watch after the cluster removed A reads the survivors' snapshots: the same members, each once.
            foreach (var survivor in new[] { b, c })
            {
                await survivor.Process.WaitForLineAsync("registrar node .* removed from the cluster");
            }

            var expected = homes.ToDictionary(pair => pair.Key, pair => pair.Value == a ? takerId : Id(pair.Value));
            var fresh = StartMonitor(taker == b ? c : b);
            await using var _f = fresh;
            await fresh.WaitForLineAsync($@"^pool {Pool}: {expected.Count} PE\(s\)");
            foreach (var (id, home) in expected)
            {
                await fresh.WaitForLineAsync($@"^  PE 0x{id:x8} home 0x{home:x8} ");
            }

            Assert.Equal(Sorted(expected), Sorted(Members(fresh.Lines, out var freshTrouble)));
            Assert.Empty(freshTrouble);

            // The first watch, past the grace for A's PEs (docs/cluster.md "Membership watch": a dead home's PEs that no
            // registrar took over are removed then) and replayed: what it lists is what the cluster holds; no PE
            // removed, added twice, or lost.
            string aAddress = Regex.Escape($"akka.tcp://rserpool@{a.Remote}");
            await monitor.WaitForLineAsync($"pool watch {Pool}: home registrar {aAddress} gone for 10 s: 0 PE\\(s\\) that no registrar took over");
            var shown = monitor.Lines.Where(line => ChangeLine().IsMatch(line) || MemberLine().IsMatch(line) || line.StartsWith("pool ", StringComparison.Ordinal));
            output.WriteLine($"first monitor, after the grace {clock.ElapsedMilliseconds} ms after the SIGKILL:\n  {string.Join("\n  ", shown)}");
            Assert.Equal(Sorted(expected), Sorted(Members(monitor.Lines, out var trouble)));
            Assert.Empty(trouble);
            Assert.DoesNotContain(monitor.Lines, line => line.StartsWith("- removed", StringComparison.Ordinal));

            // The survivors' handlespaces agree: every PE once, with the same home as the watch shows.
            foreach (var asap in new[] { b.Asap, c.Asap })
            {
                var found = await TakeoverProcessTests.ResolveUntilAsync(asap, found => found.Length == expected.Count
                    && found.All(e => expected.TryGetValue(e.Identifier, out uint home) && e.HomeServerIdentifier == home));
                Assert.Equal(expected.Keys.Order(), found.Select(e => e.Identifier).Order());
            }

            output.WriteLine($"test body {whole.ElapsedMilliseconds} ms");
        }
        finally
        {
            foreach (var pe in pes)
            {
                await pe.DisposeAsync();
            }
        }
    }

    // The watch's view after replaying a monitor's output: the members line(s), then each change. A PE added while
    // listed, updated or removed while not listed, is trouble.
    private static Dictionary<uint, uint> Members(IReadOnlyList<string> lines, out List<string> trouble)
    {
        var members = new Dictionary<uint, uint>();
        trouble = [];
        foreach (string line in lines)
        {
            if (MemberLine().Match(line) is { Success: true } member)
            {
                if (!members.TryAdd(Hex(member.Groups["id"]), Hex(member.Groups["home"])))
                {
                    trouble.Add($"listed twice: {line}");
                }
            }
            else if (ChangeLine().Match(line) is { Success: true } change)
            {
                uint id = Hex(change.Groups["id"]);
                bool known = members.ContainsKey(id);
                switch (change.Groups["kind"].Value)
                {
                    case "added" when known:
                    case "updated" when !known:
                    case "removed" when !known:
                        trouble.Add($"{(known ? "known" : "unknown")} PE: {line}");
                        break;
                    case "removed":
                        members.Remove(id);
                        break;
                    default:
                        members[id] = Hex(change.Groups["home"]);
                        break;
                }
            }
        }

        return members;
    }

    private static string[] Sorted(Dictionary<uint, uint> members) =>
        members.OrderBy(pair => pair.Key).Select(pair => $"0x{pair.Key:x8}@0x{pair.Value:x8}").ToArray();

    private static uint Hex(Group group) => uint.Parse(group.Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static uint Id(ClusterProcessTests.Node node) => Convert.ToUInt32(node.Id, 16);

    [GeneratedRegex("^  PE 0x(?<id>[0-9a-f]{8}) home 0x(?<home>[0-9a-f]{8}) ")]
    private static partial Regex MemberLine();

    [GeneratedRegex(@"^[+~-] (?<kind>added|updated|removed) \(\w+\): PE 0x(?<id>[0-9a-f]{8}) home 0x(?<home>[0-9a-f]{8}) ")]
    private static partial Regex ChangeLine();

    private static RserpoolProcess StartMonitor(ClusterProcessTests.Node seed) =>
        RserpoolProcess.Start("monitor", "--watch-pool", Pool, "--cluster", "127.0.0.1:0", "--seed", seed.Remote);

    private static RserpoolProcess StartPe(uint identifier, IPEndPoint registrar) =>
        RserpoolProcess.Start("server", "--pool", Pool, "--service", "echo", "--asap-announce", "off", "--local", "127.0.0.1:0",
            "--identifier", $"0x{identifier:x}", "--registrar", registrar.ToString());
}
