namespace RSerPool.Actors.Kernel.Event;

/// <summary>Messages of a type implementing this marker are not published as dead letters.</summary>
public interface IDeadLetterSuppression
{
}
