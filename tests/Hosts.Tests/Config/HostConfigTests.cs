using Akka.Actor;
using RSerPool.Actors.Configuration;
using RSerPool.Hosts.Config;
using Serilog.Events;
using Xunit;

namespace RSerPool.Hosts.Tests.Config;

/// <summary>
/// How a host merges its configuration (reference, then each --config file, then the flags, all read by Akka's HOCON)
/// and how it reports a bad one: the file or flag, the line or the key.
/// </summary>
public sealed class HostConfigTests
{
    [Fact]
    public async Task The_reference_is_embedded_and_a_config_file_tunes_akka_itself()
    {
        Assert.Equal(100, RSerPoolConfig.Default.GetInt("akka.actor.default-dispatcher.throughput"));
        using var file = TestConfig.File("akka.actor.default-dispatcher.throughput = 7");

        var config = HostConfig.Load([file.Path]);

        var system = ActorSystem.Create("tuned", config.Config);
        try
        {
            Assert.Equal(7, system.Settings.Config.GetInt("akka.actor.default-dispatcher.throughput"));
            Assert.Equal(RSerPoolConfig.Default.GetTimeSpan("akka.actor.ask-timeout"), system.Settings.AskTimeout);
            Assert.Equal(TimeSpan.FromMilliseconds(500), config.Read(RegistrarConfig.Read).KeepAliveInterval);
        }
        finally
        {
            await system.Terminate();
        }
    }

    // Akka creates every configured serializer when the system starts; Hyperion's was the largest part of creating the
    // registrar's actor system (issue 14). The hosts' messages never leave their process, so they do without it.
    [Fact]
    public async Task The_hosts_actor_system_creates_no_hyperion_serializer()
    {
        var system = RSerPool.Hosts.Hosting.HostSystem.Create("no-hyperion", HostConfig.Load([]));
        try
        {
            Assert.False(system.Settings.Config.HasPath("akka.actor.serializers.hyperion"));
            Assert.IsNotType<Akka.Serialization.HyperionSerializer>(system.Serialization.FindSerializerForType(typeof(RSerPool.Actors.IRSerPoolMessage)));
            Assert.True(RSerPoolConfig.Library.HasPath("akka.actor.serializers.hyperion"));
        }
        finally
        {
            await system.Terminate();
        }
    }

    [Fact]
    public void Later_files_win_and_flags_win_over_files_key_by_key()
    {
        using var first = TestConfig.File("rserpool.registrar { keep-alive-interval = 2s, keep-alive-timeout = 3s, asap = \"127.0.0.1:1\" }");
        using var second = TestConfig.File("rserpool.registrar.keep-alive-timeout = 4s");
        var flags = new ConfigOverrides().Set("rserpool.registrar.asap", "127.0.0.1:9", "--asap");

        var settings = HostConfig.Load([first.Path, second.Path], flags).Read(RegistrarConfig.Read);

        Assert.Equal(TimeSpan.FromSeconds(2), settings.KeepAliveInterval);
        Assert.Equal(TimeSpan.FromSeconds(4), settings.KeepAliveTimeout);
        Assert.Equal("127.0.0.1:9", settings.AsapEndPoint.ToString());
    }

    [Fact]
    public void List_flags_replace_the_list_of_the_files()
    {
        using var file = TestConfig.File("rserpool.registrar.enrp.peers = [\"127.0.0.1:1\", \"127.0.0.1:2\"]");
        var flags = new ConfigOverrides().SetList("rserpool.registrar.enrp.peers", ["127.0.0.1:3"], "--peer");

        var enrp = HostConfig.Load([file.Path], flags).Read(RegistrarConfig.Read).Enrp!;

        Assert.Equal(["127.0.0.1:3"], enrp.Peers.Select(p => p.ToString()));
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
        var settings = RegistrarConfig.Read(TestConfig.With($"rserpool.registrar.keep-alive-interval = {text}"));
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), settings.KeepAliveInterval);
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), DurationFlag.Parse(text, "--interval"));
    }

    [Theory]
    [InlineData("rserpool.registrar.max-pools = abc", "rserpool.registrar.max-pools", "must be an integer")]
    [InlineData("rserpool.registrar.limits.max-pools = abc", "rserpool.registrar.limits.max-pools", "must be an integer")]
    [InlineData("rserpool.registrar.keep-alive-interval = soon", "rserpool.registrar.keep-alive-interval", "must be a duration")]
    [InlineData("rserpool.registrar.keep-alive-interval = infinite", "rserpool.registrar.keep-alive-interval", "must be a duration")]
    [InlineData("rserpool.registrar.asap-announce = \"239.0.0.50:3863\"", "rserpool.registrar.asap-announce", "must be a list")]
    [InlineData("rserpool.registrar.asap { a = 1 }", "rserpool.registrar.asap", "must be a single value")]
    [InlineData("rserpool.registrar.server-id = 4294967296", "rserpool.registrar.server-id", "from 0 to 4294967295")]
    public void Ill_typed_keys_are_errors_naming_the_key(string text, string key, string expected)
    {
        if (key == "rserpool.registrar.max-pools")
        {
            // Not a key of the reference: a host refuses it as unknown before any reader runs.
            using var file = TestConfig.File(text);
            var unknown = Assert.Throws<RSerPoolConfigException>(() => HostConfig.Load([file.Path]));
            Assert.Contains($"unknown configuration key '{key}'", unknown.Message, StringComparison.Ordinal);
            return;
        }

        var error = Assert.Throws<RSerPoolConfigException>(() => RegistrarConfig.Read(TestConfig.With(text)));
        Assert.Equal(key, error.Key);
        Assert.Contains($"'{key}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_key_is_an_error_naming_it_not_a_silent_zero()
    {
        var withoutReference = Akka.Configuration.ConfigurationFactory.ParseString("rserpool.registrar.asap = \"127.0.0.1:1\"");
        var error = Assert.Throws<RSerPoolConfigException>(() => RegistrarConfig.Read(withoutReference));
        Assert.Contains("missing configuration key 'rserpool.registrar.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_value_names_the_file_that_set_it_and_the_key()
    {
        using var good = TestConfig.File("rserpool.registrar.keep-alive-timeout = 1s");
        using var bad = TestConfig.File("rserpool.registrar {\n  keep-alive-interval = soon\n}");

        var config = HostConfig.Load([bad.Path, good.Path]);
        var error = Assert.Throws<RSerPoolConfigException>(() => config.Read(RegistrarConfig.Read));

        Assert.Contains("'rserpool.registrar.keep-alive-interval'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"(set in {bad.Path})", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_value_from_a_flag_names_the_flag()
    {
        var flags = new ConfigOverrides().Set("rserpool.registrar.asap", "not-an-address", "--asap");
        var error = Assert.Throws<RSerPoolConfigException>(() => HostConfig.Load([], flags).Read(RegistrarConfig.Read));
        Assert.Contains("rserpool.registrar.asap: 'not-an-address' is not an address:port", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("(set by --asap)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_rserpool_key_is_an_error_naming_the_file_and_the_key()
    {
        using var file = TestConfig.File("rserpool.registrar {\n  keep-alive-intervall = 2s\n}\nakka.some-setting-akka-ignores = 1");
        var error = Assert.Throws<RSerPoolConfigException>(() => HostConfig.Load([file.Path]));
        Assert.Equal($"{file.Path}: unknown configuration key 'rserpool.registrar.keep-alive-intervall'; did you mean 'rserpool.registrar.keep-alive-interval'? (hocon/reference.conf lists every key)", error.Message);
        Assert.Empty(RSerPoolConfig.FindUnknownKeys(RSerPoolConfig.Default));
    }

    [Fact]
    public void A_missing_file_is_an_error_naming_it()
    {
        var error = Assert.Throws<RSerPoolConfigException>(() => HostConfig.Load(["/nonexistent/rserpool.conf"]));
        Assert.Equal("configuration file not found: /nonexistent/rserpool.conf", error.Message);
    }

    [Theory]
    [InlineData("Information", "INFO", LogEventLevel.Information)]
    [InlineData("info", "INFO", LogEventLevel.Information)]
    [InlineData("Debug", "DEBUG", LogEventLevel.Debug)]
    [InlineData("verbose", "DEBUG", LogEventLevel.Verbose)]
    [InlineData("warn", "WARNING", LogEventLevel.Warning)]
    [InlineData("WARNING", "WARNING", LogEventLevel.Warning)]
    [InlineData("Error", "ERROR", LogEventLevel.Error)]
    [InlineData("Fatal", "ERROR", LogEventLevel.Fatal)]
    [InlineData("OFF", "OFF", LogEventLevel.Fatal)]
    public void Serilog_and_akka_level_names_give_akka_a_level_it_takes(string given, string akka, LogEventLevel serilog)
    {
        var fromFlag = HostConfig.Load([], new ConfigOverrides().Set("akka.loglevel", given, "--log-level"));
        using var file = TestConfig.File($"akka.loglevel = \"{given}\"");
        var fromFile = HostConfig.Load([file.Path]);

        foreach (var config in new[] { fromFlag, fromFile })
        {
            Assert.Equal(akka, config.Config.GetString("akka.loglevel"));
            Assert.Equal(serilog, config.SerilogLevel);
            Assert.Equal(akka, Akka.Event.Logging.LogLevelFor(config.Config.GetString("akka.loglevel")) switch
            {
                Akka.Event.LogLevel.DebugLevel => "DEBUG",
                Akka.Event.LogLevel.InfoLevel => "INFO",
                Akka.Event.LogLevel.WarningLevel => "WARNING",
                Akka.Event.LogLevel.ErrorLevel => "ERROR",
                _ => "OFF",
            });
        }
    }

    [Fact]
    public void The_reference_log_level_is_akkas_info_and_an_unknown_level_names_its_source()
    {
        Assert.Equal("INFO", RSerPoolConfig.Default.GetString("akka.loglevel"));
        var error = Assert.Throws<RSerPoolConfigException>(() => HostConfig.Load([], new ConfigOverrides().Set("akka.loglevel", "chatty", "--log-level")));
        Assert.StartsWith("akka.loglevel: 'chatty' is not a log level", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("(set by --log-level)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_rserpool_section_alone_holds_no_akka_settings()
    {
        Assert.True(RSerPoolConfig.RSerPoolSection.HasPath("rserpool.registrar.asap"));
        Assert.False(RSerPoolConfig.RSerPoolSection.HasPath("akka.loggers"));
        Assert.True(RSerPoolConfig.Default.HasPath("akka.loggers"));
    }

    [Fact]
    public void Flag_values_are_quoted_so_any_text_reaches_the_key_unchanged()
    {
        var flags = new ConfigOverrides().Set("rserpool.registrar.status", "a \"quoted\" \\ value: with colon", "--status");
        Assert.Equal("a \"quoted\" \\ value: with colon", HostConfig.Load([], flags).Config.GetString("rserpool.registrar.status"));
    }
}
