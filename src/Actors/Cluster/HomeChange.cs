namespace RSerPool.Actors.Cluster;

/// <summary>What happened to a PE at its home registrar, as a pool actor tells its watch.</summary>
internal enum HomeChange
{
    /// <summary>Registered, re-registered or adopted here: this registrar is its home with these values.</summary>
    Upserted,

    /// <summary>Removed from the handlespace here (published with the reason).</summary>
    Removed,

    /// <summary>Its home is another registrar now (it re-registered there, or that one took it over): the new home publishes.</summary>
    Left,
}
