using System.Globalization;
using System.Text;
using RSerPool.Actors.Api;
using RSerPool.Actors.Session;

namespace RSerPool.Hosts.Services;

/// <summary>Daytime (RFC 867 over a pool session): each message is answered with the PE's current time as text.</summary>
public sealed class DaytimeService(TimeProvider time) : IPoolElementService
{
    public void OnMessage(IPoolElementSessionContext session, ReadOnlyMemory<byte> payload) =>
        session.Send(Encoding.ASCII.GetBytes(time.GetUtcNow().ToString("ddd MMM dd HH:mm:ss yyyy 'UTC'", CultureInfo.InvariantCulture)));
}
