namespace RSerPool.Actors.Kernel;

/// <summary>Marks user-lane messages the cell interprets before the actor's behavior sees them.</summary>
internal interface IAutoReceivedMessage
{
}
