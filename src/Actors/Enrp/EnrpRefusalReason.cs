namespace RSerPool.Actors.Enrp;

/// <summary>Why an inbound ENRP association was refused (the <c>reason</c> label of <c>rserpool_enrp_refused_total</c>).</summary>
public enum EnrpRefusalReason
{
    /// <summary>The source address is not in <c>rserpool.registrar.enrp.allow</c> nor a known peer's.</summary>
    NotAllowed,
}
