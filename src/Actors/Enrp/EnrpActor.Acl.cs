// rserpool.acl on ENRP (issue 17; docs/security.md): a peer's PEs are taken only in pools its identity may register in.
using Akka.Actor;
using Akka.Event;
using RSerPool.Actors.Registrar;
using RSerPool.Actors.Security;
using RSerPool.Actors.Transport;
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Enrp;

internal sealed partial class EnrpActor
{
    private readonly AccessControl _acl;
    private readonly RefusalBook _refusals;
    private readonly Dictionary<IActorRef, AssociationIdentity> _identities = [];

    private void RememberIdentity(IActorRef association, AssociationIdentity? identity)
    {
        if (identity is not null)
        {
            _identities[association] = identity;
        }
    }

    // RFC 5355 §2.5, §2.6 (a malicious or compromised registrar): the identity of the association an update came over must be
    // allowed to register in the pool, or the peer's PEs there are not applied. Removals are not checked: a peer can only
    // remove what it owns (docs/protocol-notes.md §11).
    private bool PeerMayRegister(PeerEntry peer, IActorRef association, PoolHandle poolHandle, int count)
    {
        if (_acl.IsOpen)
        {
            return true;
        }

        AssociationIdentity? identity = _identities.GetValueOrDefault(association);
        if (_acl.Allows(identity, AccessRight.Register, poolHandle))
        {
            return true;
        }

        if (peer.SyncOwnChildrenOnly is not null)
        {
            peer.AclRefusedDuringSync = true;
        }

        string name = AccessControl.NameOf(identity);
        if (_refusals.Note($"{name} in {poolHandle}", RefusalCause.AclEnrpUpdate))
        {
            _log.Warning("ENRP peer 0x{PeerId:x8} (identity {Identity}): {Count} PEs in {PoolHandle} not applied: rserpool.acl does not let it "
                + "register there (logged once per identity and pool, then counted)", peer.ServerId, name, count, poolHandle);
        }

        return false;
    }

    // A checksum mismatch explained by PEs rserpool.acl refused in the last audit (both checksums unchanged since) is
    // not audited again: the audit would refuse them again, every heartbeat cycle.
    private static bool IsSettledByAcl(PeerEntry peer, ushort remote, ushort local) => peer.AclSettledChecksums == (remote, local);

    private void SettleAclMismatch(PeerEntry peer) =>
        peer.AclSettledChecksums = peer.AclRefusedDuringSync ? (peer.AuditedChecksum, _replica.ChecksumOf(peer.ServerId).Finish()) : null;
}
