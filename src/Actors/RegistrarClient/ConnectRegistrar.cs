using System.Net;

namespace RSerPool.Actors.RegistrarClient;

/// <summary>A hunt step: connect to <paramref name="Registrar"/>; <paramref name="Attempt"/> correlates the answer.</summary>
public sealed record ConnectRegistrar(IPEndPoint Registrar, long Attempt, TimeSpan Timeout);
