namespace RSerPool.Actors.Cluster;

/// <summary>
/// Marks RSerPool's messages that cross Akka.Remote between the nodes of an RSerPool cluster (issue 15): the
/// serialization bindings in HOCON and their round-trip tests find every such type by this interface.
/// </summary>
public interface IRSerPoolClusterMessage;
