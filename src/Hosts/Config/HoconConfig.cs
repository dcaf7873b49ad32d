using System.Globalization;
using System.Reflection;

namespace RSerPool.Hosts.Config;

/// <summary>
/// Read-only typed view of merged HOCON: the embedded hocon/reference.conf (every default lives there and only
/// there) overlaid by the files given with --config, in order. Missing keys are an error, not a silent default.
/// </summary>
public sealed class HoconConfig
{
    private readonly HoconObject _root;

    private HoconConfig(HoconObject root) => _root = root;

    /// <summary>The reference configuration shipped inside the executable (hocon/reference.conf).</summary>
    public static HoconConfig Reference()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("reference.conf")
            ?? throw new HoconException("reference.conf is not embedded in this build");
        using var reader = new StreamReader(stream);
        return new HoconConfig(HoconParser.Parse(reader.ReadToEnd(), "reference.conf"));
    }

    public static HoconConfig FromText(string text, string source = "<text>") => new(HoconParser.Parse(text, source));

    /// <summary>Reference defaults overlaid by each file in order (later files win).</summary>
    public static HoconConfig Load(IEnumerable<string> files)
    {
        var merged = Reference()._root.DeepCopy();
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                throw new HoconException($"configuration file not found: {file}");
            }
            merged.MergeFrom(HoconParser.Parse(File.ReadAllText(file), file));
        }
        return new HoconConfig(merged);
    }

    /// <summary>Returns a copy with <paramref name="overrides"/> laid on top (used for command-line flags).</summary>
    public HoconConfig With(HoconConfig overrides)
    {
        var merged = _root.DeepCopy();
        merged.MergeFrom(overrides._root);
        return new HoconConfig(merged);
    }

    /// <summary>Returns a copy with one scalar key set (value given as HOCON text).</summary>
    public HoconConfig With(string path, string value) =>
        With(FromText($"{path} = \"{value.Replace("\\", "\\\\").Replace("\"", "\\\"")}\"", "command line"));

    public bool HasPath(string path) => TryFind(path, out var v) && !(v is HoconScalar s && s.IsNull);

    public string GetString(string path) => Scalar(path).Text;

    public string? GetStringOrNull(string path) =>
        TryFind(path, out var v) && v is HoconScalar s && !s.IsNull ? s.Text : null;

    public int GetInt(string path) =>
        int.TryParse(Scalar(path).Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
            ? v : throw Bad(path, "an integer");

    public long GetLong(string path) =>
        long.TryParse(Scalar(path).Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
            ? v : throw Bad(path, "an integer");

    public double GetDouble(string path) =>
        double.TryParse(Scalar(path).Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v : throw Bad(path, "a number");

    public bool GetBool(string path) => Scalar(path).Text switch
    {
        "true" or "yes" or "on" => true,
        "false" or "no" or "off" => false,
        _ => throw Bad(path, "a boolean"),
    };

    /// <summary>HOCON duration: a number with an optional unit (ns, us, ms, s, m, h, d and their long forms); no unit = ms.</summary>
    public TimeSpan GetDuration(string path) =>
        HoconDuration.TryParse(Scalar(path).Text, out var d) ? d : throw Bad(path, "a duration such as 500ms or 5s");

    /// <summary>A duration that must be above zero (timeouts, intervals).</summary>
    public TimeSpan GetPositiveDuration(string path)
    {
        var value = GetDuration(path);
        return value > TimeSpan.Zero ? value : throw new HoconException($"configuration key '{path}' must be a positive duration");
    }

    public IReadOnlyList<string> GetStringList(string path)
    {
        if (!TryFind(path, out var v))
        {
            throw new HoconException($"missing configuration key '{path}'");
        }
        return v switch
        {
            HoconList list => list.Items.Select(i => i is HoconScalar s ? s.Text : throw Bad(path, "a list of strings")).ToArray(),
            HoconScalar s when s.IsNull => Array.Empty<string>(),
            _ => throw Bad(path, "a list"),
        };
    }

    private HoconScalar Scalar(string path)
    {
        if (!TryFind(path, out var v))
        {
            throw new HoconException($"missing configuration key '{path}'");
        }
        return v as HoconScalar ?? throw Bad(path, "a single value");
    }

    private bool TryFind(string path, out HoconValue value)
    {
        HoconValue current = _root;
        foreach (var segment in path.Split('.'))
        {
            if (current is not HoconObject obj || !obj.TryGet(segment, out current!))
            {
                value = null!;
                return false;
            }
        }
        value = current;
        return true;
    }

    private HoconException Bad(string path, string expected)
    {
        TryFind(path, out var v);
        var shown = v is HoconScalar s ? $"'{s.Text}'" : v?.GetType().Name ?? "nothing";
        return new HoconException($"configuration key '{path}' (line {v?.Line}) must be {expected}, not {shown}");
    }
}
