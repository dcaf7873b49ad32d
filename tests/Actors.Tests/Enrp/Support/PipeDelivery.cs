// One message crossing the in-memory network.
using RSerPool.Wire.Messages.Enrp;

namespace RSerPool.Actors.Tests.Enrp.Support;

internal sealed record PipeDelivery(EnrpMessage Message);
