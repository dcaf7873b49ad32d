namespace RSerPool.Hosts.Config;

/// <summary>How events are written: <c>rserpool.logging.format</c>, <c>--log-format</c>.</summary>
public enum LogFormat
{
    /// <summary>One line per event for people.</summary>
    Text,

    /// <summary>Compact JSON (CLEF), one event per line.</summary>
    Json,
}
