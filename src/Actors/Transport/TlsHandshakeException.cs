namespace RSerPool.Actors.Transport;

/// <summary>A refused or failed TLS handshake, with the reason counted and logged.</summary>
public sealed class TlsHandshakeException : Exception
{
    public TlsHandshakeException(TlsRefusal refusal, string message, Exception? inner = null)
        : base(message, inner) => Refusal = refusal;

    public TlsHandshakeException()
    {
    }

    public TlsHandshakeException(string message)
        : base(message)
    {
    }

    public TlsHandshakeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TlsRefusal Refusal { get; } = TlsRefusal.HandshakeFailed;
}
