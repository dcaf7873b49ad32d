namespace RSerPool.Actors.Registrar;

/// <summary>
/// Pool actor → PE registration actor: the PE re-registered (RFC 5352 §3.1), possibly over another association;
/// the keep-alive cycle and the registration life start again. <paramref name="Generation"/> identifies this
/// registration in later removal requests.
/// </summary>
internal sealed record PeRegistrationRenewed(AsapPeer Peer, int RegistrationLifeMs, long Generation);
