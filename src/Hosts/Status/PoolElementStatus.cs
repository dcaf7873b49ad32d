namespace RSerPool.Hosts.Status;

/// <summary>One PE: identifier, owning registrar, user transport, policy, registration life and unreachable reports.</summary>
public sealed record PoolElementStatus(string Identifier, string Owner, bool Home, TransportStatus UserTransport, string Policy, int RegistrationLifeMs,
    int UnreachableReports);
