using System.Net.Security;

namespace RSerPool.Actors.Transport;

/// <summary>Piped to a TCP association actor when its TLS handshake completed: the stream to use and who the peer is.</summary>
internal sealed record TlsEstablished(SslStream Stream, AssociationIdentity? Identity);
