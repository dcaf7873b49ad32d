namespace RSerPool.Actors.Transport;

/// <summary>What the certificate check of one handshake decided: set by the validation callback, read when the handshake fails.</summary>
internal sealed class TlsCheck
{
    public TlsRefusal? Refusal { get; set; }

    /// <summary>What was wrong with the certificate, for the log.</summary>
    public string? Detail { get; set; }

    /// <summary>The callback ran: the peer got as far as the certificate exchange (false: not TLS, or it left before).</summary>
    public bool Checked { get; set; }
}
