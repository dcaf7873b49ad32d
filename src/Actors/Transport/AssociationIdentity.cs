namespace RSerPool.Actors.Transport;

/// <summary>
/// The authenticated identity of the peer of a TLS association: the certificate's subject common name and its
/// SAN DNS names and IP addresses (RFC 5355 section 4: mutual authentication). Null on plaintext associations.
/// </summary>
public sealed record AssociationIdentity(string? CommonName, IReadOnlyList<string> Names);
