namespace RSerPool.Actors.Transport;

/// <summary>Piped to a TCP association actor when its TLS handshake failed: the association closes without a frame read.</summary>
internal sealed record TlsFailed(TlsRefusal Refusal, string Detail);
