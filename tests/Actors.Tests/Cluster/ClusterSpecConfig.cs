// The HOCON of in-process cluster specs: several ActorSystems joined over loopback (issue 15 item 6).
using Akka.Configuration;
using RSerPool.Actors.Configuration;

namespace RSerPool.Actors.Tests.Cluster;

internal static class ClusterSpecConfig
{
    /// <summary>
    /// A registrar node on 127.0.0.1 with an ephemeral Akka.Remote port, the failure detector and split-brain resolver
    /// of hocon/reference.conf (akka.cluster there), and the registrar role.
    /// </summary>
    public static Config Node(string role = "registrar") =>
        ConfigurationFactory.ParseString($$"""
            akka.actor.provider = cluster
            akka.remote.dot-netty.tcp { hostname = "127.0.0.1", port = 0 }
            akka.cluster.roles = ["{{role}}"]
            akka.loglevel = WARNING
            """).WithFallback(RSerPoolConfig.Default.GetValue("akka.cluster").AtKey("cluster").Root.AtKey("akka"));
}
