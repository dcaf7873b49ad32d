using System.Text;

namespace RSerPool.Hosts.Config;

/// <summary>
/// Parses the subset of HOCON (Lightbend config) that our files use: objects with or without root braces,
/// dotted keys, <c>=</c>/<c>:</c> or brace separators, quoted and unquoted strings, numbers, booleans, null,
/// lists, <c>#</c> and <c>//</c> comments, newline or comma separators, merging of repeated object keys.
/// Substitutions (<c>${...}</c>), includes and <c>+=</c> are rejected with a clear error.
/// Hand-written because no HOCON package can be restored here.
/// </summary>
public sealed class HoconParser
{
    private readonly string _text;
    private readonly string _source;
    private int _pos;
    private int _line = 1;

    private HoconParser(string text, string source)
    {
        _text = text;
        _source = source;
    }

    public static HoconObject Parse(string text, string source = "<config>")
    {
        var parser = new HoconParser(text, source);
        return parser.ParseRoot();
    }

    private HoconObject ParseRoot()
    {
        SkipWhitespaceAndComments(skipNewlines: true);
        HoconObject root;
        if (Peek() == '{')
        {
            _pos++;
            root = ParseObjectBody(closing: '}');
        }
        else
        {
            root = ParseObjectBody(closing: null);
        }
        SkipWhitespaceAndComments(skipNewlines: true);
        if (!AtEnd)
        {
            throw Error($"unexpected '{Peek()}' after the end of the configuration");
        }
        return root;
    }

    private HoconObject ParseObjectBody(char? closing)
    {
        var obj = new HoconObject(_line);
        while (true)
        {
            SkipSeparators();
            if (AtEnd)
            {
                if (closing is not null)
                {
                    throw Error($"missing '{closing}'");
                }
                return obj;
            }
            if (closing is not null && Peek() == closing)
            {
                _pos++;
                return obj;
            }
            ParseField(obj);
        }
    }

    private void ParseField(HoconObject target)
    {
        int line = _line;
        if (string.CompareOrdinal(_text, _pos, "include", 0, 7) == 0 && char.IsWhiteSpace(PeekAt(7)))
        {
            throw Error("'include' is not supported; pass several --config files instead");
        }
        var path = ParseKeyPath();
        SkipWhitespaceAndComments(skipNewlines: false);
        HoconValue value;
        if (Peek() == '{')
        {
            _pos++;
            value = ParseObjectBody('}');
        }
        else if (Peek() == '=' || Peek() == ':')
        {
            _pos++;
            SkipWhitespaceAndComments(skipNewlines: true);
            value = ParseValue();
        }
        else if (Peek() == '+' && PeekAt(1) == '=')
        {
            throw Error("'+=' is not supported");
        }
        else
        {
            throw Error($"expected '=', ':' or '{{' after key '{string.Join('.', path)}'");
        }

        // a.b.c = v  is  a { b { c = v } }
        for (int i = path.Count - 1; i > 0; i--)
        {
            var wrapper = new HoconObject(line);
            wrapper.Set(path[i], value);
            value = wrapper;
        }
        target.Set(path[0], value);
    }

    private List<string> ParseKeyPath()
    {
        var segments = new List<string>();
        var current = new StringBuilder();
        bool any = false;
        while (!AtEnd)
        {
            char c = Peek();
            if (c == '"')
            {
                current.Append(ParseQuotedString());
                any = true;
                continue;
            }
            if (c == '.')
            {
                if (!any)
                {
                    throw Error("empty key segment");
                }
                segments.Add(current.ToString().Trim());
                current.Clear();
                any = false;
                _pos++;
                continue;
            }
            if (c is '=' or ':' or '{' or '\n' or '\r' or '#' or ',' or '}' or '[' or ']' || (c == '/' && PeekAt(1) == '/') || (c == '+' && PeekAt(1) == '='))
            {
                break;
            }
            if (c == '$')
            {
                throw Error("substitutions (${...}) are not supported");
            }
            current.Append(c);
            any |= !char.IsWhiteSpace(c);
            _pos++;
        }
        if (!any)
        {
            throw Error("expected a key");
        }
        segments.Add(current.ToString().Trim());
        return segments;
    }

    private HoconValue ParseValue()
    {
        int line = _line;
        if (AtEnd)
        {
            throw Error("expected a value");
        }
        char c = Peek();
        if (c == '{')
        {
            _pos++;
            return ParseObjectBody('}');
        }
        if (c == '[')
        {
            _pos++;
            return ParseList(line);
        }
        if (c == '"')
        {
            var text = ParseQuotedString();
            SkipWhitespaceAndComments(skipNewlines: false);
            return new HoconScalar(text, WasQuoted: true, line);
        }
        var unquoted = ParseUnquoted();
        if (unquoted.Length == 0)
        {
            throw Error("expected a value");
        }
        return new HoconScalar(unquoted, WasQuoted: false, line);
    }

    private HoconList ParseList(int line)
    {
        var items = new List<HoconValue>();
        while (true)
        {
            SkipSeparators();
            if (AtEnd)
            {
                throw Error("missing ']'");
            }
            if (Peek() == ']')
            {
                _pos++;
                return new HoconList(items, line);
            }
            items.Add(ParseValue());
        }
    }

    private string ParseUnquoted()
    {
        int start = _pos;
        while (!AtEnd)
        {
            char c = Peek();
            if (c is '\n' or '\r' or ',' or '}' or ']' or '#' || (c == '/' && PeekAt(1) == '/'))
            {
                break;
            }
            if (c == '$' && PeekAt(1) == '{')
            {
                throw Error("substitutions (${...}) are not supported");
            }
            if (c is '{' or '[' or '"')
            {
                throw Error($"unexpected '{c}' inside an unquoted value");
            }
            _pos++;
        }
        return _text[start.._pos].Trim();
    }

    private string ParseQuotedString()
    {
        _pos++; // opening quote
        var sb = new StringBuilder();
        while (true)
        {
            if (AtEnd || Peek() == '\n')
            {
                throw Error("unterminated string");
            }
            char c = _text[_pos++];
            if (c == '"')
            {
                return sb.ToString();
            }
            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }
            if (AtEnd)
            {
                throw Error("unterminated escape");
            }
            char e = _text[_pos++];
            switch (e)
            {
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case '/': sb.Append('/'); break;
                case 'n': sb.Append('\n'); break;
                case 't': sb.Append('\t'); break;
                case 'r': sb.Append('\r'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'u':
                    if (_pos + 4 > _text.Length || !ushort.TryParse(_text.AsSpan(_pos, 4), System.Globalization.NumberStyles.HexNumber, null, out var code))
                    {
                        throw Error("bad \\u escape");
                    }
                    sb.Append((char)code);
                    _pos += 4;
                    break;
                default:
                    throw Error($"unknown escape '\\{e}'");
            }
        }
    }

    private void SkipSeparators()
    {
        while (true)
        {
            SkipWhitespaceAndComments(skipNewlines: true);
            if (!AtEnd && Peek() == ',')
            {
                _pos++;
                continue;
            }
            return;
        }
    }

    private void SkipWhitespaceAndComments(bool skipNewlines)
    {
        while (!AtEnd)
        {
            char c = Peek();
            if (c == '\n')
            {
                if (!skipNewlines)
                {
                    return;
                }
                _line++;
                _pos++;
            }
            else if (char.IsWhiteSpace(c) || c == '\uFEFF')
            {
                _pos++;
            }
            else if (c == '#' || (c == '/' && PeekAt(1) == '/'))
            {
                while (!AtEnd && Peek() != '\n')
                {
                    _pos++;
                }
            }
            else
            {
                return;
            }
        }
    }

    private bool AtEnd => _pos >= _text.Length;

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private char PeekAt(int offset) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';

    private HoconException Error(string what) => new($"{_source}:{_line}: {what}");
}
