namespace RSerPool.Hosts.Status;

/// <summary>One Akka cluster member as this registrar's node sees it: address, membership status, roles, reachability.</summary>
public sealed record ClusterMemberStatus(string Address, string Status, IReadOnlyList<string> Roles, bool Reachable, bool Self);
