using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Messages.Enrp;
using RSerPool.Wire.Parameters;
using RSerPool.Wire.Tests.Support;
using Xunit;

namespace RSerPool.Wire.Tests.Codec;

// Found by the fuzz harness (issue 13): an echo of a near-64 KiB message did not fit an Error message, and the encoder
// threw. The echoing causes are cut to fit (docs/protocol-notes.md §5).
public sealed class ErrorCauseEchoTests
{
    [Fact]
    public void An_echo_of_the_largest_message_fits_an_error_in_both_protocols()
    {
        byte[] received = new byte[65532];
        received[0] = 0x55;

        ErrorCause[] causes =
        [
            ErrorCause.UnrecognizedMessage(received), ErrorCause.UnrecognizedParameter(received.AsSpan(4)), ErrorCause.InvalidValues(received),
        ];

        foreach (ErrorCause cause in causes)
        {
            Assert.Equal(ErrorCause.MaxEchoLength, cause.Information.Count);
            Assert.Equal(65532 - 4 - 4, WireCodec.Encode(new AsapError(new OperationError(cause))).Length);
            Assert.Equal(65532, WireCodec.Encode(new EnrpError(1, 2, new OperationError(cause))).Length);
        }
    }

    [Fact]
    public void A_short_echo_is_kept_whole()
    {
        byte[] received = [0x55, 0x00, 0x00, 0x08, 1, 2, 3, 4];

        Assert.Equal(received, ErrorCause.UnrecognizedMessage(received).Information.ToArray());
    }
}
