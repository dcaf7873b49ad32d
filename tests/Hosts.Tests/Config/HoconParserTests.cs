using RSerPool.Hosts.Config;
using Xunit;

namespace RSerPool.Hosts.Tests.Config;

public sealed class HoconParserTests
{
    [Fact]
    public void Dotted_keys_braces_and_separators_all_build_the_same_tree()
    {
        var config = HoconConfig.FromText("""
            # comment
            a.b.c = 1
            a { b { d : "two" } }   // trailing comment
            a.e = [x, "y z", 3], a.f = true
            """);

        Assert.Equal(1, config.GetInt("a.b.c"));
        Assert.Equal("two", config.GetString("a.b.d"));
        Assert.Equal(new[] { "x", "y z", "3" }, config.GetStringList("a.e"));
        Assert.True(config.GetBool("a.f"));
    }

    [Fact]
    public void Repeated_object_keys_merge_and_later_scalars_win()
    {
        var config = HoconConfig.FromText("""
            r { x = 1, y = 2 }
            r { y = 3 }
            """);

        Assert.Equal(1, config.GetInt("r.x"));
        Assert.Equal(3, config.GetInt("r.y"));
    }

    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("5s", 5000)]
    [InlineData("5 seconds", 5000)]
    [InlineData("2m", 120000)]
    [InlineData("250", 250)]
    [InlineData("1.5s", 1500)]
    public void Durations_take_hocon_units(string text, int expectedMs)
    {
        var config = HoconConfig.FromText($"t = {text}");
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), config.GetDuration("t"));
    }

    [Theory]
    [InlineData("a = ${b}", "substitutions")]
    [InlineData("a = \"open", "unterminated string")]
    [InlineData("a { b = 1", "missing '}'")]
    [InlineData("include \"x.conf\"", "'include' is not supported")]
    [InlineData("a b", "expected '=', ':' or '{'")]
    public void Malformed_text_names_the_line_and_cause(string text, string expectedFragment)
    {
        var error = Assert.Throws<HoconException>(() => HoconConfig.FromText("ok = 1\n" + text, "test.conf"));
        Assert.Contains(expectedFragment, error.Message);
        Assert.Contains("test.conf:", error.Message);
    }

    [Fact]
    public void Missing_and_ill_typed_keys_are_errors_naming_the_key()
    {
        var config = HoconConfig.FromText("n = abc");
        Assert.Contains("'missing.key'", Assert.Throws<HoconException>(() => config.GetInt("missing.key")).Message);
        Assert.Contains("must be an integer", Assert.Throws<HoconException>(() => config.GetInt("n")).Message);
        Assert.Contains("must be a duration", Assert.Throws<HoconException>(() => config.GetDuration("n")).Message);
    }

    [Fact]
    public void Reference_conf_is_embedded_and_user_files_override_it()
    {
        var reference = HoconConfig.Reference();
        Assert.Equal(100, reference.GetInt("akka.actor.default-dispatcher.throughput"));

        var file = Path.Combine(Path.GetTempPath(), $"rserpool-{Guid.NewGuid():N}.conf");
        File.WriteAllText(file, "akka.actor.default-dispatcher.throughput = 7");
        try
        {
            var merged = HoconConfig.Load(new[] { file });
            Assert.Equal(7, merged.GetInt("akka.actor.default-dispatcher.throughput"));
            Assert.Equal(reference.GetDuration("akka.actor.ask-timeout"), merged.GetDuration("akka.actor.ask-timeout"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Command_line_overrides_replace_a_single_key()
    {
        var config = HoconConfig.FromText("a { b = 1, c = 2 }").With("a.b", "9");
        Assert.Equal(9, config.GetInt("a.b"));
        Assert.Equal(2, config.GetInt("a.c"));
    }
}
