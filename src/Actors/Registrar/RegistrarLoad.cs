namespace RSerPool.Actors.Registrar;

/// <summary>The registrar's load: its open ASAP associations (PEs' and PUs' processes), counted without a walk of the handlespace.</summary>
public sealed record RegistrarLoad(int AsapAssociations);
