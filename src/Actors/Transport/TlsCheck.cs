namespace RSerPool.Actors.Transport;

/// <summary>What the certificate check of one handshake decided: set by the validation callback, read when the handshake fails.</summary>
internal sealed class TlsCheck
{
    public TlsRefusal? Refusal { get; set; }
}
