// Central throw sites keep the hot paths small.
using System.Diagnostics.CodeAnalysis;
using RSerPool.Wire.Errors;

namespace RSerPool.Wire;

internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void ThrowDecodeFailure(DecodeError error) => throw new RSerPoolWireException(error);

    [DoesNotReturn]
    public static void ThrowDestinationTooSmall(int needed, int available) =>
        throw new ArgumentException($"The destination holds {available} bytes; the message needs {needed}.", "destination");

    [DoesNotReturn]
    public static void ThrowMessageTooLong(int length) =>
        throw new ArgumentException($"The encoded message would be {length} bytes; the 16-bit Message Length field allows at most 65535.", "message");

    [DoesNotReturn]
    public static void ThrowParameterTooLong(int length) =>
        throw new ArgumentException($"A parameter would be {length} bytes; the 16-bit Parameter Length field allows at most 65535.", "message");

    [DoesNotReturn]
    public static void ThrowUnsupportedAddress(System.Net.IPAddress address) =>
        throw new ArgumentException($"Address {address} is neither IPv4 nor IPv6.", "message");

    [DoesNotReturn]
    public static void ThrowEmptyValue(string parameter) =>
        throw new ArgumentException($"A {parameter} parameter needs at least one byte (README §6).", "message");

    [DoesNotReturn]
    public static void ThrowTransportWithoutAddress() =>
        throw new ArgumentException("A transport parameter needs at least one address (RFC 5354 §3.3-§3.7).", "message");

    [DoesNotReturn]
    public static void ThrowUnsupportedMessage(object message) =>
        throw new ArgumentException($"Unsupported message record type {message.GetType().Name}.", nameof(message));
}
