namespace RSerPool.Actors.Kernel;

/// <summary>Messages of a type implementing this marker do not reset the receiver's receive timeout.</summary>
public interface INotInfluenceReceiveTimeout
{
}
