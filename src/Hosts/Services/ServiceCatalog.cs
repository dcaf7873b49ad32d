using RSerPool.Actors.Api;
using RSerPool.Actors.Session;

namespace RSerPool.Hosts.Services;

/// <summary>The example services of <c>rserpool server --service</c> (RSPLIB's set), by name.</summary>
public static class ServiceCatalog
{
    public static IReadOnlyList<string> Names { get; } = ["echo", "discard", "daytime", "chargen", "pingpong", "files"];

    /// <summary>The service named <paramref name="name"/>; <paramref name="filesDirectory"/> is required for "files".</summary>
    public static IPoolElementService Create(string name, TimeProvider time, string? filesDirectory) => name switch
    {
        "echo" => new EchoService(),
        "discard" => new DiscardService(),
        "daytime" => new DaytimeService(time),
        "chargen" => new ChargenService(),
        "pingpong" => new PingPongService(),
        "files" => new FilesService(ExistingDirectory(filesDirectory)),
        _ => throw new ArgumentException($"unknown service '{name}' (one of {string.Join(", ", Names)})"),
    };

    // A PE that serves a directory that is not there would register and then answer every request with an error.
    private static string ExistingDirectory(string? directory) =>
        directory is null ? throw new ArgumentException("--directory: the files service needs a directory")
        : Directory.Exists(directory) ? directory
        : throw new ArgumentException($"--directory: '{directory}' is not a directory");

    /// <summary>RSPLIB's default pool handle for each service (rspserver's defaults).</summary>
    public static string DefaultPoolHandle(string name) => name switch
    {
        "echo" => "EchoPool",
        "discard" => "DiscardPool",
        "daytime" => "DaytimePool",
        "chargen" => "CharGenPool",
        "pingpong" => "PingPongPool",
        "files" => "FilesPool",
        _ => "EchoPool",
    };
}
