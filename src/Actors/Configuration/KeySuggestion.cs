using Akka.Configuration.Hocon;

namespace RSerPool.Actors.Configuration;

/// <summary>
/// The known <c>rserpool</c> key closest to a misspelt one, by edit distance (Levenshtein) against every key path of
/// hocon/reference.conf: "did you mean ..." for an unknown key in a --config file.
/// </summary>
public static class KeySuggestion
{
    private static readonly Lazy<IReadOnlyList<string>> s_known = new(() =>
    {
        var paths = new List<string>();
        Collect("rserpool", RSerPoolConfig.Default.GetValue("rserpool"), paths);
        return paths;
    });

    /// <summary>Every key path under <c>rserpool</c> in hocon/reference.conf, sections included.</summary>
    public static IReadOnlyList<string> KnownKeys => s_known.Value;

    /// <summary>
    /// The known key nearest <paramref name="unknown"/>: the smaller of the distance between the whole paths and the
    /// distance between the last names plus one (the same name in another section, e.g. <c>registrar.max-pools</c>
    /// for <c>registrar.limits.max-pools</c>). Null when nothing is known.
    /// </summary>
    public static string? Closest(string unknown)
    {
        ArgumentNullException.ThrowIfNull(unknown);
        string leaf = Leaf(unknown);
        string? best = null;
        int bestScore = int.MaxValue;
        foreach (string known in KnownKeys)
        {
            int score = Math.Min(Distance(unknown, known), Distance(leaf, Leaf(known)) + 1);
            if (score < bestScore)
            {
                (best, bestScore) = (known, score);
            }
        }

        return best;
    }

    /// <summary>Levenshtein distance: insertions, deletions and substitutions of one character each cost 1.</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static string Leaf(string path) => path[(path.LastIndexOf('.') + 1)..];

    private static void Collect(string path, HoconValue value, List<string> paths)
    {
        paths.Add(path);
        if (value.IsObject())
        {
            foreach (var (key, child) in value.GetObject().Items)
            {
                Collect($"{path}.{key}", child, paths);
            }
        }
    }
}
