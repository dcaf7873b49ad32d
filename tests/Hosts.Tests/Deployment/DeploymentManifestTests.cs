using System.Text.RegularExpressions;
using Akka.Configuration;
using Akka.Discovery.KubernetesApi;
using Akka.Management.Cluster.Bootstrap;
using RSerPool.Actors.Configuration;
using RSerPool.Hosts.Config;
using RSerPool.Hosts.Hosting;
using Xunit;

namespace RSerPool.Hosts.Tests.Deployment;

/// <summary>
/// deploy/ (docs/cluster.md "Docker Compose", "Kubernetes") agrees with the code: the YAML parses; ports equal the
/// defaults of hocon/reference.conf and each other; every flag a container passes exists in that command's --help;
/// seeds name nodes of the file; the registrars' HOCON loads as a --config file and names only Akka keys that
/// Akka.Discovery.KubernetesApi knows; labels, port names, the service account and the image agree.
/// </summary>
public sealed partial class DeploymentManifestTests
{
    private static readonly string Deploy = Path.Combine(AppContext.BaseDirectory, "deploy");
    private static readonly string Kubernetes = Path.Combine(Deploy, "kubernetes");
    private static readonly string Docker = Path.Combine(Deploy, "docker");

    private static int AsapPort => RegistrarConfig.AsapPort;

    private static int EnrpPort => Port(RSerPoolConfig.Default.GetString("rserpool.registrar.enrp.endpoint"));

    public static TheoryData<string> YamlFiles => new(Directory.GetFiles(Deploy, "*.yaml", SearchOption.AllDirectories)
        .Select(file => Path.GetRelativePath(Deploy, file)).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(YamlFiles))]
    public void Every_yaml_file_parses_into_mappings(string file)
    {
        var documents = Yaml.LoadAll(Path.Combine(Deploy, file));

        Assert.NotEmpty(documents);
        Assert.All(documents, document => Assert.IsType<Dictionary<object, object>>(document));
    }

    [Fact]
    public void Compose_commands_use_only_flags_the_commands_have()
    {
        foreach (var (name, service) in ComposeServices())
        {
            var command = Yaml.Strings(service["command"]);
            AssertFlagsExist($"compose service {name}", command);
        }
    }

    [Fact]
    public void Compose_nodes_name_themselves_and_seed_only_registrars_of_the_file()
    {
        var services = ComposeServices();
        var clusterEndpoints = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, service) in services)
        {
            string cluster = Assert.Single(FlagValues(Yaml.Strings(service["command"]), "--cluster"));
            Assert.Equal($"{Yaml.String(service["hostname"])}:{Port(cluster)}", cluster);
            clusterEndpoints[cluster] = Yaml.Strings(service["command"])[0];
        }

        foreach (var (name, service) in services)
        {
            var seeds = FlagValues(Yaml.Strings(service["command"]), "--seed");
            Assert.NotEmpty(seeds);
            Assert.All(seeds, seed => Assert.True(clusterEndpoints.TryGetValue(seed, out var kind) && kind == "registrar",
                $"compose service {name}: seed {seed} is not a registrar's --cluster endpoint"));
        }

        Assert.Equal(3, clusterEndpoints.Values.Count(kind => kind == "registrar"));
        Assert.Contains("server", clusterEndpoints.Values);
        Assert.Contains("terminal", clusterEndpoints.Values);
        Assert.All(services, service => Assert.Empty(FlagValues(Yaml.Strings(service.Value["command"]), "--registrar")));
    }

    [Fact]
    public void Compose_publishes_the_default_asap_port_and_builds_the_image_from_the_dockerfile()
    {
        var services = ComposeServices();
        var registrar = services["registrar-1"];
        Assert.Contains($"{AsapPort}:{AsapPort}", Yaml.Strings(registrar["ports"]));
        Assert.All(services.Values, service => Assert.Equal(ComposeImage(), Yaml.String(service["image"])));
        var build = Yaml.Map(registrar["build"]);
        string context = Path.GetFullPath(Path.Combine(Docker, Yaml.String(build["context"])));
        Assert.True(File.Exists(Path.Combine(context, Yaml.String(build["dockerfile"]))), "the compose build's dockerfile is not in its context");
    }

    [Fact]
    public void The_dockerfile_publishes_the_hosts_and_exposes_every_port_the_manifests_use()
    {
        string dockerfile = File.ReadAllText(Path.Combine(Docker, "Dockerfile"));
        string executable = typeof(Program).Assembly.GetName().Name!;
        int runtime = Environment.Version.Major;

        Assert.Contains("dotnet publish src/Hosts ", dockerfile, StringComparison.Ordinal);
        Assert.Contains($"FROM mcr.microsoft.com/dotnet/sdk:{runtime}.0 AS build", dockerfile, StringComparison.Ordinal);
        Assert.Contains($"FROM mcr.microsoft.com/dotnet/aspnet:{runtime}.0", dockerfile, StringComparison.Ordinal);
        Assert.Contains($"ENTRYPOINT [\"/app/{executable}\"]", dockerfile, StringComparison.Ordinal);
        var exposed = ExposeLine().Match(dockerfile).Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToHashSet();
        var used = new HashSet<int> { AsapPort, EnrpPort };
        used.UnionWith(ContainerPorts().Values);
        foreach (var service in ComposeServices().Values)
        {
            var command = Yaml.Strings(service["command"]);
            used.UnionWith(FlagValues(command, "--cluster").Concat(FlagValues(command, "--status")).Select(Port));
        }

        Assert.Subset(exposed, used);
        Assert.Subset(used, exposed);
    }

    [Fact]
    public void The_statefulset_runs_registrars_with_existing_flags_on_the_default_ports()
    {
        var container = RegistrarContainer();
        var args = Yaml.Strings(container["args"]);
        AssertFlagsExist("statefulset", args);
        Assert.Equal("registrar", args[0]);
        var ports = ContainerPorts();
        Assert.Equal(AsapPort, ports["asap"]);
        Assert.Equal(EnrpPort, ports["enrp"]);
        Assert.Equal(Port(Assert.Single(FlagValues(args, "--status"))), ports["status"]);
        // The Akka.Remote address is the pod IP from the downward API, on the "remote" port.
        Assert.Equal($"$(POD_IP):{ports["remote"]}", Assert.Single(FlagValues(args, "--cluster")));
        var podIp = Assert.Single(Yaml.List(container["env"]).Select(Yaml.Map), env => Yaml.String(env["name"]) == "POD_IP");
        Assert.Equal("status.podIP", Yaml.String(Yaml.Map(Yaml.Map(podIp["valueFrom"])["fieldRef"])["fieldPath"]));
        Assert.Equal(ComposeImage(), Yaml.String(container["image"]));
        Assert.Empty(FlagValues(args, "--seed"));
        Assert.Empty(FlagValues(args, "--peer"));
    }

    [Fact]
    public void The_registrars_config_file_is_mounted_from_the_generated_configmap()
    {
        var container = RegistrarContainer();
        string configPath = Assert.Single(FlagValues(Yaml.Strings(container["args"]), "--config"));
        var mount = Assert.Single(Yaml.List(container["volumeMounts"]).Select(Yaml.Map), m => configPath.StartsWith(Yaml.String(m["mountPath"]) + "/", StringComparison.Ordinal));
        var volume = Assert.Single(Yaml.List(PodSpec()["volumes"]).Select(Yaml.Map), v => Yaml.String(v["name"]) == Yaml.String(mount["name"]));
        string configMap = Yaml.String(Yaml.Map(volume["configMap"])["name"]);
        var generator = Assert.Single(Yaml.List(Kustomization()["configMapGenerator"]).Select(Yaml.Map), g => Yaml.String(g["name"]) == configMap);
        Assert.Contains(Path.GetFileName(configPath), Yaml.Strings(generator["files"]));
        Assert.True(File.Exists(Path.Combine(Kubernetes, Path.GetFileName(configPath))));
    }

    [Fact]
    public void The_registrars_config_loads_as_a_config_file_and_asks_for_kubernetes_bootstrap()
    {
        var config = HostConfig.Load([ClusterConf]);

        Assert.Equal(ClusterBootstrapMethod.Kubernetes, config.Read(ClusterBootstrapConfig.Read));
    }

    [Fact]
    public void The_registrars_config_names_only_akka_keys_that_kubernetes_discovery_or_akka_management_knows()
    {
        var known = KubernetesDiscovery.DefaultConfiguration().WithFallback(ClusterBootstrap.DefaultConfiguration());
        var file = ConfigurationFactory.ParseString(File.ReadAllText(ClusterConf));
        var akkaKeys = LeafKeys(file.Root, "").Where(key => key.StartsWith("akka.", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(akkaKeys);
        Assert.All(akkaKeys, key => Assert.True(known.HasPath(key), $"{key} is no key of Akka.Discovery.KubernetesApi or Akka.Management"));
    }

    [Fact]
    public void Kubernetes_bootstrap_finds_the_registrar_pods_and_probes_their_contact_point_port()
    {
        var config = ClusterBootstrapHost.Configure(HostConfig.Load([ClusterConf]).Config);
        const string Discovery = "akka.management.cluster.bootstrap.contact-point-discovery";
        string selector = string.Format(System.Globalization.CultureInfo.InvariantCulture, config.GetString("akka.discovery.kubernetes-api.pod-label-selector"),
            config.GetString($"{Discovery}.service-name"));
        var labels = Yaml.Map(Yaml.Map(Yaml.Map(StatefulSet()["spec"])["template"])["metadata"])["labels"];
        string[] pair = selector.Split('=');
        var ports = ContainerPorts();

        Assert.Equal("kubernetes-api", config.GetString($"{Discovery}.discovery-method"));
        Assert.Equal(pair[1], Yaml.String(Yaml.Map(labels)[pair[0]]));
        Assert.Equal(config.GetInt("akka.management.http.port"), ports[config.GetString($"{Discovery}.port-name")]);
        Assert.Equal(int.Parse(Yaml.String(Yaml.Map(StatefulSet()["spec"])["replicas"]), System.Globalization.CultureInfo.InvariantCulture),
            config.GetInt($"{Discovery}.required-contact-point-nr"));
        Assert.False(ClusterConfig.Read(config).JoinSelfWithoutSeeds);
    }

    [Fact]
    public void Probes_ask_the_status_endpoint_for_ready_and_health()
    {
        var container = RegistrarContainer();
        var readiness = Yaml.Map(Yaml.Map(container["readinessProbe"])["httpGet"]);
        var liveness = Yaml.Map(Yaml.Map(container["livenessProbe"])["httpGet"]);

        Assert.Equal(("/ready", "status"), (Yaml.String(readiness["path"]), Yaml.String(readiness["port"])));
        Assert.Equal(("/health", "status"), (Yaml.String(liveness["path"]), Yaml.String(liveness["port"])));
        Assert.Single(FlagValues(Yaml.Strings(container["args"]), "--status"));
        Assert.True(ContainerPorts().ContainsKey("status"));
    }

    [Fact]
    public void Services_select_the_registrar_pods_and_target_named_container_ports_with_the_same_numbers()
    {
        var podLabels = Yaml.Map(Yaml.Map(Yaml.Map(Yaml.Map(StatefulSet()["spec"])["template"])["metadata"])["labels"]);
        var ports = ContainerPorts();
        var services = KubernetesObjects().Where(o => Yaml.String(o["kind"]) == "Service").ToList();

        Assert.Equal(3, services.Count);
        foreach (var service in services)
        {
            var spec = Yaml.Map(service["spec"]);
            foreach (var (key, value) in Yaml.Map(spec["selector"]))
            {
                Assert.Equal(Yaml.String(value), Yaml.String(podLabels[key]));
            }

            foreach (var port in Yaml.List(spec["ports"]).Select(Yaml.Map))
            {
                string target = Yaml.String(port["targetPort"]);
                Assert.True(ports.ContainsKey(target), $"service port {target} names no container port");
                Assert.Equal(ports[target], int.Parse(Yaml.String(port["port"]), System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        var headless = Assert.Single(services, s => Yaml.String(Yaml.Map(s["metadata"])["name"]) == Yaml.String(Yaml.Map(StatefulSet()["spec"])["serviceName"]));
        Assert.Equal("None", Yaml.String(Yaml.Map(headless["spec"])["clusterIP"]));
        Assert.Equal("true", Yaml.String(Yaml.Map(headless["spec"])["publishNotReadyAddresses"]));
    }

    [Fact]
    public void The_pods_service_account_may_list_pods()
    {
        string account = Yaml.String(PodSpec()["serviceAccountName"]);
        var objects = KubernetesObjects();
        Assert.Contains(objects, o => Yaml.String(o["kind"]) == "ServiceAccount" && Yaml.String(Yaml.Map(o["metadata"])["name"]) == account);
        var binding = Assert.Single(objects, o => Yaml.String(o["kind"]) == "RoleBinding"
            && Yaml.List(o["subjects"]).Select(Yaml.Map).Any(s => Yaml.String(s["kind"]) == "ServiceAccount" && Yaml.String(s["name"]) == account));
        string roleName = Yaml.String(Yaml.Map(binding["roleRef"])["name"]);
        var role = Assert.Single(objects, o => Yaml.String(o["kind"]) == "Role" && Yaml.String(Yaml.Map(o["metadata"])["name"]) == roleName);
        var rules = Yaml.List(role["rules"]).Select(Yaml.Map).ToList();

        Assert.Contains(rules, rule => Yaml.Strings(rule["resources"]).Contains("pods") && Yaml.Strings(rule["verbs"]).Contains("list")
            && Yaml.Strings(rule["apiGroups"]).Contains(""));
    }

    [Fact]
    public void The_kustomization_lists_every_manifest_of_its_folder()
    {
        var resources = Yaml.Strings(Kustomization()["resources"]).Order(StringComparer.Ordinal);
        var files = Directory.GetFiles(Kubernetes, "*.yaml").Select(Path.GetFileName).Where(f => f != "kustomization.yaml").Order(StringComparer.Ordinal);

        Assert.Equal(files, resources);
    }

    // Helpers: the parsed files.

    private static string ClusterConf => Path.Combine(Kubernetes, "rserpool-cluster.conf");

    private static Dictionary<string, Dictionary<object, object>> ComposeServices()
    {
        var compose = Yaml.Map(Assert.Single(Yaml.LoadAll(Path.Combine(Docker, "compose.yaml"))));
        return Yaml.Map(compose["services"]).ToDictionary(entry => Yaml.String(entry.Key), entry => Yaml.Map(entry.Value), StringComparer.Ordinal);
    }

    private static string ComposeImage() => Yaml.String(ComposeServices()["registrar-1"]["image"]);

    private static Dictionary<object, object> Kustomization() => Yaml.Map(Assert.Single(Yaml.LoadAll(Path.Combine(Kubernetes, "kustomization.yaml"))));

    private static List<Dictionary<object, object>> KubernetesObjects() =>
        Yaml.Strings(Kustomization()["resources"]).SelectMany(file => Yaml.LoadAll(Path.Combine(Kubernetes, file))).Select(Yaml.Map).ToList();

    private static Dictionary<object, object> StatefulSet() => Assert.Single(KubernetesObjects(), o => Yaml.String(o["kind"]) == "StatefulSet");

    private static Dictionary<object, object> PodSpec() => Yaml.Map(Yaml.Map(Yaml.Map(StatefulSet()["spec"])["template"])["spec"]);

    private static Dictionary<object, object> RegistrarContainer() => Yaml.Map(Assert.Single(Yaml.List(PodSpec()["containers"])));

    private static Dictionary<string, int> ContainerPorts() => Yaml.List(RegistrarContainer()["ports"]).Select(Yaml.Map)
        .ToDictionary(p => Yaml.String(p["name"]), p => int.Parse(Yaml.String(p["containerPort"]), System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);

    // Every leaf key of a HOCON object, as a dotted path.
    private static IEnumerable<string> LeafKeys(Akka.Configuration.Hocon.HoconValue value, string path) =>
        value.IsObject()
            ? value.GetObject().Items.SelectMany(item => LeafKeys(item.Value, path.Length == 0 ? item.Key : $"{path}.{item.Key}"))
            : [path];

    private static int Port(string endPoint) => int.Parse(endPoint[(endPoint.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    private static List<string> FlagValues(IReadOnlyList<string> command, string flag) =>
        command.Select((token, i) => (token, i)).Where(t => t.token == flag && t.i + 1 < command.Count).Select(t => command[t.i + 1]).ToList();

    // Each --flag of a container's command appears in `rserpool <subcommand> --help`.
    private static void AssertFlagsExist(string where, IReadOnlyList<string> command)
    {
        string help = Help(command[0]);
        foreach (string flag in command.Where(token => token.StartsWith("--", StringComparison.Ordinal)))
        {
            Assert.True(Regex.IsMatch(help, $@"(^|[\s,]){Regex.Escape(flag)}(?=[\s,<])", RegexOptions.Multiline),
                $"{where}: `rserpool {command[0]} --help` has no {flag}");
        }
    }

    private static string Help(string subcommand)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.Equal(0, Program.Run([subcommand, "--help"], TextReader.Null, stdout, stderr));
        return stdout.ToString();
    }

    [GeneratedRegex(@"^EXPOSE ([0-9 ]+)$", RegexOptions.Multiline)]
    private static partial Regex ExposeLine();
}
