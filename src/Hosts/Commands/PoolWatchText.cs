using System.Globalization;
using System.Text.Json;
using RSerPool.Actors.Cluster;
using RSerPool.Hosts.Status;
using RSerPool.Wire.Parameters;

namespace RSerPool.Hosts.Commands;

/// <summary>The lines <c>rserpool monitor --watch-pool</c> prints for <see cref="PoolMembers"/> and <see cref="PoolChanged"/>, as text or JSON.</summary>
public static class PoolWatchText
{
    /// <summary>The members: a heading line and one line per PE (text), or one JSON object.</summary>
    public static string Render(PoolMembers members, bool json)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (json)
        {
            return JsonSerializer.Serialize(new
            {
                @event = "members",
                pool = members.PoolHandle.ToString(),
                elements = members.Elements.Select(Element).ToArray(),
            });
        }

        var text = new System.Text.StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"pool {members.PoolHandle}: {members.Elements.Count} PE(s)");
        foreach (PoolElement element in members.Elements.OrderBy(e => e.Identifier))
        {
            text.AppendLine().Append("  ").Append(Describe(element));
        }

        return text.ToString();
    }

    /// <summary>One change: <c>+</c> added, <c>~</c> updated, <c>-</c> removed, with the reason (text), or one JSON object.</summary>
    public static string Render(PoolChanged changed, bool json)
    {
        ArgumentNullException.ThrowIfNull(changed);
        if (json)
        {
            return JsonSerializer.Serialize(new
            {
                @event = changed.Kind.ToString().ToLowerInvariant(),
                pool = changed.PoolHandle.ToString(),
                reason = changed.Reason.ToString(),
                element = Element(changed.Element),
                origin = changed.Origin.Path.Address.ToString(),
                sequence = changed.Sequence,
            });
        }

        char sign = changed.Kind switch
        {
            PoolChangeKind.Added => '+',
            PoolChangeKind.Removed => '-',
            _ => '~',
        };
        return $"{sign} {changed.Kind.ToString().ToLowerInvariant()} ({changed.Reason}): {Describe(changed.Element)}";
    }

    // As the registrar's status page writes them (src/Hosts/Status/RegistrarStatusReader.cs).
    private static string Describe(PoolElement element) =>
        string.Create(CultureInfo.InvariantCulture, $"PE 0x{element.Identifier:x8} home 0x{element.HomeServerIdentifier:x8} {StatusText.Transport(element.UserTransport)}  {StatusText.Policy(element.Policy)}");

    private static object Element(PoolElement element) => new
    {
        id = $"0x{element.Identifier:x8}",
        home = $"0x{element.HomeServerIdentifier:x8}",
        transport = StatusText.Transport(element.UserTransport),
        policy = StatusText.Policy(element.Policy),
        load = element.Policy.Load,
        weight = element.Policy.Weight,
    };
}
