namespace RSerPool.Hosts.Config;

/// <summary>
/// Finds, before Akka.NET's HOCON parser sees a file, what that parser mishandles, so that a host names the line and
/// the key: an <c>include</c> (Akka 1.5 throws a NullReferenceException without a resolver); an unquoted value holding
/// ':' such as <c>asap = 127.0.0.1:3863</c> (Akka's error names neither line nor key) or <c>peers = [::1]:9901</c>
/// (Akka's parser never returns); and what it silently accepts as something else: a string or a brace left open, a
/// stray '}' or ']', a key without '=' (<c>a b</c>) or without a value. Not a parser: it follows quotes, comments,
/// substitutions and the nesting of objects and lists only far enough to know where a value stands and under which key.
/// </summary>
public static class HoconPitfalls
{
    private const string Specials = "{}[],=:#\"";

    /// <summary>The first pitfall in <paramref name="text"/>; null when there is none.</summary>
    public static HoconPitfall? Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scan = new Scan();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            var frame = scan.Frames.Peek();
            HoconPitfall? pitfall = null;
            if (c == '#' || (c == '/' && i + 1 < text.Length && text[i + 1] == '/'))
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == '\n')
            {
                pitfall = EndOfValue(scan, frame);
                scan.Line++;
                i++;
            }
            else if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '"')
            {
                int line = scan.Line;
                int start = i;
                i = SkipQuoted(text, i, scan, out bool closed);
                pitfall = closed ? OnToken(frame, text[start..i]) : new HoconPitfall(line, KeyOf(frame), "a string is not closed (a '\"' is missing)");
            }
            else if (c == '$' && i + 1 < text.Length && text[i + 1] == '{')
            {
                int close = text.IndexOf('}', i);
                i = close < 0 ? text.Length : close + 1;
                pitfall = OnToken(frame, "${}");
            }
            else if (Specials.Contains(c, StringComparison.Ordinal))
            {
                pitfall = OnPunctuation(scan, c);
                i++;
            }
            else
            {
                int start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && !Specials.Contains(text[i], StringComparison.Ordinal)
                       && !(text[i] == '/' && i + 1 < text.Length && text[i + 1] == '/'))
                {
                    i++;
                }

                string token = text[start..i];
                pitfall = !frame.IsList && frame.State == State.Key && token == "include" && StartsInclude(text, i)
                    ? new HoconPitfall(scan.Line, null, "'include' is not supported: give each file with its own --config (later files win)")
                    : OnToken(frame, token);
            }

            if (pitfall is not null)
            {
                return pitfall;
            }
        }

        var last = scan.Frames.Peek();
        return EndOfValue(scan, last)
            ?? (scan.Frames.Count > 1 ? new HoconPitfall(last.OpenLine, last.Path.Length > 0 ? last.Path : null, $"the '{(last.IsList ? '[' : '{')}' opened on line {last.OpenLine} is not closed") : null);
    }

    private static HoconPitfall? OnToken(Frame frame, string token)
    {
        if (frame.IsList)
        {
            return null;
        }

        switch (frame.State)
        {
            case State.Key:
                frame.Key = token;
                frame.State = State.AfterKey;
                break;
            case State.AfterKey:
                frame.Key += " " + token;   // HOCON keys may hold spaces; a key without '=' is caught at its line's end
                break;
            case State.Value:
                frame.ValueSeen = true;
                break;
        }

        return null;
    }

    private static HoconPitfall? OnPunctuation(Scan scan, char c)
    {
        var frames = scan.Frames;
        var frame = frames.Peek();
        if (frame.IsList)
        {
            switch (c)
            {
                case ':' or '=':
                    return Unquoted(scan.Line, frame.Path, inList: true);
                case '[':
                    frames.Push(new Frame(isList: true, frame.Path, scan.Line));
                    break;
                case '{':
                    frames.Push(new Frame(isList: false, frame.Path, scan.Line));
                    break;
                case ']':
                    Pop(frames);
                    break;
                case '}':
                    return new HoconPitfall(scan.Line, frame.Path, $"'}}' where the list opened on line {frame.OpenLine} needs a ']'");
            }

            return null;
        }

        if (c is ',' or '}' && EndOfValue(scan, frame) is { } pitfall)
        {
            return pitfall;
        }

        switch (frame.State, c)
        {
            case (_, '}') when frames.Count == 1:
                return new HoconPitfall(scan.Line, null, "a '}' closes nothing");
            case (_, '}'):
                Pop(frames);
                break;
            case (_, ','):
                frame.State = State.Key;
                break;
            case (_, ']'):
                return new HoconPitfall(scan.Line, null, "a ']' closes no list");
            case (State.Key, '{'):
                frames.Push(new Frame(isList: false, frame.Path, scan.Line));   // braces around the whole file
                break;
            case (State.Key, _):
                return new HoconPitfall(scan.Line, null, $"a '{c}' where a key should stand");
            case (State.AfterKey, '=' or ':'):
                frame.State = State.Value;
                frame.ValueSeen = false;
                break;
            case (State.AfterKey, '{'):
            case (State.Value, '{'):
                frame.State = State.Value;
                frame.ValueSeen = true;
                frames.Push(new Frame(isList: false, frame.FullKey, scan.Line));
                break;
            case (State.Value, '['):
                frame.ValueSeen = true;
                frames.Push(new Frame(isList: true, frame.FullKey, scan.Line));
                break;
            case (State.Value, ':' or '='):
                return Unquoted(scan.Line, frame.FullKey, inList: false);
            case (State.AfterKey, _):
                return new HoconPitfall(scan.Line, frame.FullKey, $"'{frame.FullKey}' is followed by '{c}' (expected '=', ':' or '{{')");
        }

        return null;
    }

    /// <summary>At a line's end, a ',' or a '}': a key must have had its value.</summary>
    private static HoconPitfall? EndOfValue(Scan scan, Frame frame)
    {
        if (frame.IsList)
        {
            return null;
        }

        switch (frame.State)
        {
            case State.AfterKey:
                return new HoconPitfall(scan.Line, frame.FullKey, $"'{frame.FullKey}' has no '=' (expected '=', ':' or '{{' after a key)");
            case State.Value when !frame.ValueSeen:
                return new HoconPitfall(scan.Line, frame.FullKey, $"'{frame.FullKey}' has no value");
            case State.Value:
                frame.State = State.Key;
                break;
        }

        return null;
    }

    private static void Pop(Stack<Frame> frames)
    {
        if (frames.Count > 1)
        {
            frames.Pop();
            var parent = frames.Peek();
            if (!parent.IsList)
            {
                parent.State = State.Value;
                parent.ValueSeen = true;
            }
        }
    }

    private static string? KeyOf(Frame frame) => frame.IsList ? frame.Path : frame.State == State.Key ? null : frame.FullKey;

    private static HoconPitfall Unquoted(int line, string key, bool inList) =>
        new(line, key, $"a {(inList ? "list element" : "value")} of '{key}' holds an unquoted ':' (HOST:PORT, an IPv6 address, a URL): " +
            $"Akka's HOCON parser needs it quoted, e.g. {key} = {(inList ? "[\"127.0.0.1:3863\"]" : "\"127.0.0.1:3863\"")}");

    private static bool StartsInclude(string text, int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }

        var rest = text.AsSpan(i);
        return rest.StartsWith("\"") || rest.StartsWith("file(") || rest.StartsWith("url(") || rest.StartsWith("classpath(") || rest.StartsWith("required(");
    }

    private static int SkipQuoted(string text, int i, Scan scan, out bool closed)
    {
        if (string.CompareOrdinal(text, i, "\"\"\"", 0, 3) == 0)
        {
            int close = text.IndexOf("\"\"\"", i + 3, StringComparison.Ordinal);
            closed = close >= 0;
            int end = closed ? close + 3 : text.Length;
            scan.Line += text.AsSpan(i, end - i).Count('\n');
            return end;
        }

        for (i++; i < text.Length && text[i] != '"' && text[i] != '\n'; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
        }

        closed = i < text.Length && text[i] == '"';
        return closed ? i + 1 : i;
    }

    private enum State
    {
        Key,
        AfterKey,
        Value,
    }

    private sealed class Scan
    {
        public Scan() => Frames.Push(new Frame(isList: false, path: "", openLine: 1));

        public Stack<Frame> Frames { get; } = new();

        public int Line { get; set; } = 1;
    }

    private sealed class Frame(bool isList, string path, int openLine)
    {
        public bool IsList { get; } = isList;

        public string Path { get; } = path;

        public int OpenLine { get; } = openLine;

        public State State { get; set; } = State.Key;

        public bool ValueSeen { get; set; }

        public string Key { get; set; } = "";

        public string FullKey => Path.Length == 0 ? Key : $"{Path}.{Key}";
    }
}
