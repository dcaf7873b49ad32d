namespace RSerPool.Hosts.Config;

/// <summary>A HOCON object. Keys keep their first-seen order; a repeated object key merges (HOCON §"duplicate keys").</summary>
public sealed record HoconObject(int Line) : HoconValue(Line)
{
    private readonly Dictionary<string, HoconValue> _fields = new(StringComparer.Ordinal);
    private readonly List<string> _order = new();

    public IEnumerable<KeyValuePair<string, HoconValue>> Fields =>
        _order.Select(k => new KeyValuePair<string, HoconValue>(k, _fields[k]));

    public bool TryGet(string key, out HoconValue value) => _fields.TryGetValue(key, out value!);

    /// <summary>Sets a field; objects merge recursively, anything else replaces.</summary>
    public void Set(string key, HoconValue value)
    {
        if (_fields.TryGetValue(key, out var existing))
        {
            if (existing is HoconObject oldObject && value is HoconObject newObject)
            {
                oldObject.MergeFrom(newObject);
                return;
            }
            _fields[key] = value;
            return;
        }
        _fields[key] = value;
        _order.Add(key);
    }

    /// <summary>Overlays <paramref name="other"/> on this object (other wins).</summary>
    public void MergeFrom(HoconObject other)
    {
        foreach (var (key, value) in other.Fields)
        {
            Set(key, value is HoconObject o ? o.DeepCopy() : value);
        }
    }

    public HoconObject DeepCopy()
    {
        var copy = new HoconObject(Line);
        foreach (var (key, value) in Fields)
        {
            copy.Set(key, value is HoconObject o ? o.DeepCopy() : value);
        }
        return copy;
    }
}
