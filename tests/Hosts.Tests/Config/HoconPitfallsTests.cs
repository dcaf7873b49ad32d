using RSerPool.Actors.Configuration;
using RSerPool.Hosts.Config;
using Xunit;

namespace RSerPool.Hosts.Tests.Config;

/// <summary>
/// What Akka's HOCON parser mishandles (throws an unhelpful error, hangs, or silently reads as something else) is
/// caught first and reported with the file, the line and the key.
/// </summary>
public sealed class HoconPitfallsTests
{
    [Theory]
    [InlineData("rserpool.registrar.asap = 127.0.0.1:3863", 1, "rserpool.registrar.asap", "holds an unquoted ':'")]
    [InlineData("rserpool.registrar {\n  asap: 127.0.0.1:3863\n}", 2, "rserpool.registrar.asap", "holds an unquoted ':'")]
    [InlineData("rserpool.registrar.enrp.peers = [127.0.0.1:9901]", 1, "rserpool.registrar.enrp.peers", "list element")]
    [InlineData("rserpool.registrar.enrp {\n  peers = [\"127.0.0.1:9901\",\n    [::1]:9901]\n}", 3, "rserpool.registrar.enrp.peers", "list element")]
    [InlineData("rserpool.registrar.asap = [::1]:3863", 1, "rserpool.registrar.asap", "holds an unquoted ':'")]
    [InlineData("monitor.url = http://127.0.0.1:8099/", 1, "monitor.url", "holds an unquoted ':'")]
    [InlineData("ok = 1\ninclude \"other.conf\"", 2, null, "'include' is not supported")]
    [InlineData("a {\n  include file(\"other.conf\")\n}", 2, null, "'include' is not supported")]
    [InlineData("ok = 1\na = \"open\nb = 2", 2, "a", "a string is not closed")]
    [InlineData("a = \"\"\"never closed", 1, "a", "a string is not closed")]
    [InlineData("a {\n  b = 1\n", 1, "a", "the '{' opened on line 1 is not closed")]
    [InlineData("a = [1,\n 2", 1, "a", "the '[' opened on line 1 is not closed")]
    [InlineData("a = 1\n}", 2, null, "a '}' closes nothing")]
    [InlineData("a = [1]]", 1, null, "a ']' closes no list")]
    [InlineData("ok = 1\na b", 2, "a b", "has no '='")]
    [InlineData("a =\nb = 1", 1, "a", "has no value")]
    [InlineData("= 1", 1, null, "where a key should stand")]
    public void Each_pitfall_is_found_with_its_line_and_key(string text, int line, string? key, string expected)
    {
        var pitfall = Assert.IsType<HoconPitfall>(HoconPitfalls.Find(text));
        Assert.Equal(line, pitfall.Line);
        Assert.Equal(key, pitfall.Key);
        Assert.Contains(expected, pitfall.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n// and another")]
    [InlineData("a.b.c = 1\na { b { d : \"two\" } }   // trailing comment\na.e = [x, \"y z\", 3], a.f = true")]
    [InlineData("r { x = 1, y = 2 }\nr { y = 3 }")]
    [InlineData("asap = \"127.0.0.1:3863\"\npeers = [\"[::1]:9901\", \"10.0.0.2\"]\nurl = \"http://x:1/\"")]
    [InlineData("{\n  a = 1\n}")]
    [InlineData("a = [\n  { b = 1 },\n  { c = \"d:e\" }\n]\nf = 5 seconds")]
    [InlineData("b = 2\na = ${b}\nc = ${?HOME}")]
    [InlineData("\"quoted.key\" = 1\nt = \"\"\"multi\nline: yes\"\"\"\nu = 2")]
    [InlineData("a = 1,\nb = 2\r\nc = 3")]
    public void Valid_hocon_has_no_pitfall(string text)
    {
        Assert.Null(HoconPitfalls.Find(text));
    }

    [Theory]
    [InlineData("rserpool.registrar.asap = 127.0.0.1:3863", "line 1: a value of 'rserpool.registrar.asap' holds an unquoted ':'")]
    [InlineData("rserpool.registrar.enrp.peers = [::1]:9901", "line 1: a list element of 'rserpool.registrar.enrp.peers' holds an unquoted ':'")]
    [InlineData("include \"other.conf\"", "line 1: 'include' is not supported")]
    [InlineData("a = ${missing}", "not valid HOCON (Unresolved substitution: missing)")]
    public void A_host_reports_a_file_akka_cannot_read_with_the_file_and_line(string text, string expected)
    {
        using var file = TestConfig.File(text);
        var error = Assert.Throws<RSerPoolConfigException>(() => HostConfig.Load([file.Path]));
        Assert.StartsWith($"{file.Path}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
