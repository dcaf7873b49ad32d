using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Akka.Actor;
using RSerPool.Actors.Registrar;
using RSerPool.Actors.Transport;
using RSerPool.Benchmarks.Processes;
using RSerPool.Benchmarks.Registrar;
using RSerPool.Benchmarks.Support;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;

namespace RSerPool.Benchmarks.Tls;

/// <summary>
/// Issue 17 item 5: what TLS costs the registrar (docs/bench-registrar.md "TLS"). Two in-process registrars in one actor
/// system, one plaintext, one with TLS and client certificates required (certificates from <c>rserpool certs create</c>);
/// per round, in alternating order: Handle Resolutions/s at <c>CONNECTIONS</c> associations (one request in flight each),
/// then new associations/s (connect, handshake, one resolution, close; 4 at a time). The same client code over a
/// NetworkStream or an SslStream measures both. Run:
/// <c>dotnet tests/Benchmarks/bin/Release/net10.0/RSerPool.Benchmarks.dll tls-cost [ROUNDS] [REQUESTS_PER_CONNECTION] [HANDSHAKES] [CONNECTIONS]</c>.
/// </summary>
public static class TlsCostHarness
{
    private static readonly PoolHandle Handle = PoolHandle.FromString("BenchPool");

    public static async Task RunAsync(int rounds, int requestsPerConnection, int handshakes, int connections)
    {
        string directory = CreateCertificates();
        try
        {
            string File(string name) => Path.Combine(directory, name);
            var credentials = TlsCredentials.Create(File("registrar.pem"), File("registrar.key"), File("ca.pem"), TimeSpan.FromSeconds(10));
            using var ca = X509Certificate2.CreateFromPem(System.IO.File.ReadAllText(File("ca.pem")));
            using var pe = X509Certificate2.CreateFromPemFile(File("pe.pem"), File("pe.key"));
            using var pu = X509Certificate2.CreateFromPemFile(File("pu.pem"), File("pu.key"));
            var system = BenchActorSystem.Create("tls-cost");
            try
            {
                var plain = new TlsCostMode("plaintext", await StartRegistrarAsync(system, "plain", AssociationSettings.Default, null, null), null, null);
                var tls = new TlsCostMode("tls", await StartRegistrarAsync(system, "tls", AssociationSettings.Default with { Tls = credentials }, pe, ca), pu, ca);
                await MeasureAsync(plain, requestsPerConnection / 10, handshakes / 10, connections);   // warm-up (JIT, both paths)
                await MeasureAsync(tls, requestsPerConnection / 10, handshakes / 10, connections);

                var results = new List<(string Mode, double Resolutions, double Handshakes)>();
                Console.WriteLine($"tls-cost: {rounds} rounds, {connections} associations x {requestsPerConnection} resolutions, {handshakes} new associations");
                for (int round = 1; round <= rounds; round++)
                {
                    foreach (var mode in round % 2 == 1 ? new[] { plain, tls } : [tls, plain])
                    {
                        var (resolutions, opened) = await MeasureAsync(mode, requestsPerConnection, handshakes, connections);
                        results.Add((mode.Name, resolutions, opened));
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"round {round} {mode.Name,-9} resolutions/s {resolutions,10:F0}  new associations/s {opened,8:F0}"));
                    }
                }

                double Median(string mode, Func<(string Mode, double Resolutions, double Handshakes), double> value) =>
                    results.Where(r => r.Mode == mode).Select(value).Order().ElementAt(rounds / 2);
                double plainRate = Median("plaintext", r => r.Resolutions), tlsRate = Median("tls", r => r.Resolutions);
                double plainOpen = Median("plaintext", r => r.Handshakes), tlsOpen = Median("tls", r => r.Handshakes);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"median resolutions/s: plaintext {plainRate:F0}, tls {tlsRate:F0}: tls = {100 * tlsRate / plainRate:F1} % of plaintext"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"median new associations/s: plaintext {plainOpen:F0}, tls {tlsOpen:F0} (handshake with client certificate)"));
            }
            finally
            {
                await system.Terminate().ConfigureAwait(false);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>
    /// The same with each registrar a real <c>rserpool registrar</c> process, so that the registrar's own CPU time per
    /// resolution (utime + stime from /proc) is measured apart from the load generator's TLS work on the same cores.
    /// </summary>
    public static async Task RunProcessesAsync(string rserpoolDll, int rounds, int requestsPerConnection, int connections)
    {
        string directory = CreateCertificates();
        try
        {
            string File(string name) => Path.Combine(directory, name);
            using var ca = X509Certificate2.CreateFromPem(System.IO.File.ReadAllText(File("ca.pem")));
            using var pe = X509Certificate2.CreateFromPemFile(File("pe.pem"), File("pe.key"));
            using var pu = X509Certificate2.CreateFromPemFile(File("pu.pem"), File("pu.key"));
            string[] common = ["registrar", "--asap", "127.0.0.1:0", "--asap-announce", "off", "--enrp", "off", "--max-hr-rate", "0", "--max-hr-rate-per-host", "0"];
            await using var plainProcess = RSerPool.Hosts.Tests.Support.RserpoolProcess.StartExecutable(rserpoolDll, common);
            await using var tlsProcess = RSerPool.Hosts.Tests.Support.RserpoolProcess.StartExecutable(rserpoolDll,
                [.. common, "--tls-cert", File("registrar.pem"), "--tls-key", File("registrar.key"), "--tls-ca", File("ca.pem")]);
            var plain = new TlsCostMode("plaintext", await ReadyAsync(plainProcess).ConfigureAwait(false), null, null);
            var tls = new TlsCostMode("tls", await ReadyAsync(tlsProcess).ConfigureAwait(false), pu, ca);
            await RegisterPoolAsync(plain.EndPoint, null, null).ConfigureAwait(false);
            await RegisterPoolAsync(tls.EndPoint, pe, ca).ConfigureAwait(false);
            await MeasureAsync(plain, requestsPerConnection / 10, 0, connections);   // warm-up
            await MeasureAsync(tls, requestsPerConnection / 10, 0, connections);

            var results = new List<(string Mode, double Resolutions, double CpuMicroseconds)>();
            Console.WriteLine($"tls-cost-process: {rounds} rounds, {connections} associations x {requestsPerConnection} resolutions");
            for (int round = 1; round <= rounds; round++)
            {
                foreach (var (mode, process) in round % 2 == 1 ? new[] { (plain, plainProcess), (tls, tlsProcess) } : [(tls, tlsProcess), (plain, plainProcess)])
                {
                    double cpuBefore = ProcessCpu.Milliseconds(process.Id);
                    var (resolutions, _) = await MeasureAsync(mode, requestsPerConnection, 0, connections);
                    double cpu = (ProcessCpu.Milliseconds(process.Id) - cpuBefore) * 1000 / (connections * (double)requestsPerConnection);
                    results.Add((mode.Name, resolutions, cpu));
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"round {round} {mode.Name,-9} resolutions/s {resolutions,10:F0}  registrar CPU per resolution {cpu,6:F1} us"));
                }
            }

            double Median(string mode, Func<(string Mode, double Resolutions, double CpuMicroseconds), double> value) =>
                results.Where(r => r.Mode == mode).Select(value).Order().ElementAt(rounds / 2);
            double plainRate = Median("plaintext", r => r.Resolutions), tlsRate = Median("tls", r => r.Resolutions);
            double plainCpu = Median("plaintext", r => r.CpuMicroseconds), tlsCpu = Median("tls", r => r.CpuMicroseconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"median resolutions/s: plaintext {plainRate:F0}, tls {tlsRate:F0}: tls = {100 * tlsRate / plainRate:F1} % of plaintext (load generator on the same cores)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"median registrar CPU per resolution: plaintext {plainCpu:F1} us, tls {tlsCpu:F1} us: registrar capacity with tls = {100 * plainCpu / tlsCpu:F1} % of plaintext"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    // A CA and the registrar, pe and pu certificates by `rserpool certs create`, in a new temporary directory.
    private static string CreateCertificates()
    {
        string directory = Directory.CreateTempSubdirectory("rserpool-tls-cost-").FullName;
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        if (RSerPool.Hosts.Program.Run(["certs", "create", "--out", directory], TextReader.Null, stdout, stderr) != 0)
        {
            Directory.Delete(directory, recursive: true);
            throw new InvalidOperationException($"rserpool certs create failed: {stderr}");
        }

        return directory;
    }

    private static async Task<IPEndPoint> ReadyAsync(RSerPool.Hosts.Tests.Support.RserpoolProcess registrar)
    {
        var ready = await registrar.WaitForLineAsync(@"ready: ASAP on TCP 127\.0\.0\.1:(\d+)").ConfigureAwait(false);
        return new IPEndPoint(IPAddress.Loopback, int.Parse(ready.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    private static async Task<(double Resolutions, double Handshakes)> MeasureAsync(TlsCostMode mode, int requestsPerConnection, int handshakes, int connections)
    {
        byte[] request = AsapEncoder.EncodeToArray(new AsapHandleResolution(Handle, 1));
        byte response = (byte)AsapMessageType.HandleResolutionResponse;
        var clients = await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => mode.ConnectAsync())).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select(async client =>
        {
            for (int i = 0; i < requestsPerConnection; i++)
            {
                await client.RoundTripAsync(request, response).ConfigureAwait(false);
            }
        })).ConfigureAwait(false);
        double resolutions = connections * (double)requestsPerConnection / clock.Elapsed.TotalSeconds;
        foreach (var client in clients)
        {
            await client.DisposeAsync().ConfigureAwait(false);
        }

        const int Parallel = 4;
        if (handshakes < Parallel)
        {
            return (resolutions, 0);
        }

        clock.Restart();
        await Task.WhenAll(Enumerable.Range(0, Parallel).Select(async _ =>
        {
            for (int i = 0; i < handshakes / Parallel; i++)
            {
                await using var client = await mode.ConnectAsync().ConfigureAwait(false);
                await client.RoundTripAsync(request, response).ConfigureAwait(false);
            }
        })).ConfigureAwait(false);
        double opened = Parallel * (handshakes / Parallel) / clock.Elapsed.TotalSeconds;
        return (resolutions, opened);
    }

    private static async Task<IPEndPoint> StartRegistrarAsync(ActorSystem system, string name, AssociationSettings association, X509Certificate2? pe, X509Certificate2? ca)
    {
        var started = new TaskCompletionSource<RegistrarStarted>(TaskCreationOptions.RunContinuationsAsynchronously);
        var observer = system.ActorOf(Props.Create(() => new StartedObserver(started)), $"observer-{name}");
        var settings = new RegistrarSettings
        {
            Dispatcher = BenchActorSystem.RegistrarDispatcher,
            ServerId = name == "tls" ? 0xbe7c0017u : 0xbe7c0016u,
            AsapEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
            AsapAnnounce = new AnnounceSettings([], TimeSpan.FromSeconds(1)),
            Association = association,
            // A load generator: no rate or per-host limits (hocon/reference.conf bounds them for real clients).
            MaxHandleResolutionRate = 0,
            MaxHandleResolutionRatePerHost = 0,
            MaxRegistrationLife = TimeSpan.FromHours(24),
            KeepAliveInterval = TimeSpan.FromMinutes(10),
            KeepAliveTimeout = TimeSpan.FromMinutes(10),
        };
        system.ActorOf(RegistrarActor.Props(settings, observer), $"registrar-{name}");
        var endpoint = (await started.Task.ConfigureAwait(false)).AsapEndPoint;

        await RegisterPoolAsync(endpoint, pe, ca).ConfigureAwait(false);
        return endpoint;
    }

    // 10 Round Robin PEs, registered over the registrar's own transport; their connection is kept for the run.
    private static async Task RegisterPoolAsync(IPEndPoint endpoint, X509Certificate2? pe, X509Certificate2? ca)
    {
        var peConnection = await StreamAsapClient.ConnectAsync(endpoint, pe, ca).ConfigureAwait(false);
        for (uint id = 1; id <= 10; id++)
        {
            var element = new PoolElement(id, 0, 90_000, new TcpTransport((ushort)(10_000 + id), TransportUse.DataOnly, [IPAddress.Parse("10.0.0.1")]),
                PoolMemberSelectionPolicy.RoundRobin());
            await peConnection.RoundTripAsync(AsapEncoder.EncodeToArray(new AsapRegistration(Handle, element)), (byte)AsapMessageType.RegistrationResponse)
                .ConfigureAwait(false);
        }

        Kept.Add(peConnection);
    }

    private static readonly List<StreamAsapClient> Kept = [];
}
