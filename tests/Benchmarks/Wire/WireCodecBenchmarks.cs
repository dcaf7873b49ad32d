// Decode and encode per message family (issue 2 targets: decode Handle Resolution Response with 3 PEs <= 1 µs,
// encode Registration <= 300 ns with 0 B allocated). Run:
//   dotnet run -c Release --project tests/Benchmarks -- --filter '*WireCodec*'
using System.Net;
using BenchmarkDotNet.Attributes;
using RSerPool.Wire;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Messages.Enrp;
using RSerPool.Wire.Parameters;

namespace RSerPool.Benchmarks.Wire;

[MemoryDiagnoser]
[MedianColumn]
public class WireCodecBenchmarks
{
    private readonly byte[] _buffer = new byte[4096];

    private AsapRegistration _registration = null!;
    private AsapDeregistration _deregistration = null!;
    private AsapHandleResolution _handleResolution = null!;
    private AsapHandleResolutionResponse _handleResolutionResponse = null!;
    private AsapEndpointKeepAlive _keepAlive = null!;
    private AsapServerAnnounce _serverAnnounce = null!;
    private AsapCookie _cookie = null!;
    private AsapError _error = null!;
    private EnrpPresence _presence = null!;
    private EnrpHandleUpdate _handleUpdate = null!;
    private EnrpHandleTableResponse _handleTableResponse = null!;

    private byte[] _registrationBytes = null!;
    private byte[] _deregistrationBytes = null!;
    private byte[] _handleResolutionBytes = null!;
    private byte[] _handleResolutionResponseBytes = null!;
    private byte[] _keepAliveBytes = null!;
    private byte[] _serverAnnounceBytes = null!;
    private byte[] _cookieBytes = null!;
    private byte[] _errorBytes = null!;
    private byte[] _presenceBytes = null!;
    private byte[] _handleUpdateBytes = null!;
    private byte[] _handleTableResponseBytes = null!;

    [GlobalSetup]
    public void Setup()
    {
        PoolHandle handle = PoolHandle.FromString("EchoPool");
        PoolElement Element(uint id, byte host, bool withAsapTransport) => new(
            id,
            withAsapTransport ? 0x0a0b0c0du : 0u,
            90000,
            new SctpTransport(5001, TransportUse.DataPlusControl, [new IPAddress([192, 0, 2, host])]),
            PoolMemberSelectionPolicy.LeastUsed(0x40000000),
            withAsapTransport ? new SctpTransport(40001, TransportUse.DataOnly, [new IPAddress([192, 0, 2, host])]) : null);

        _registration = new AsapRegistration(handle, Element(0x1a2b3c4d, 10, false));
        _deregistration = new AsapDeregistration(handle, 0x1a2b3c4d);
        _handleResolution = new AsapHandleResolution(handle, 3);
        _handleResolutionResponse = new AsapHandleResolutionResponse(
            handle, PoolMemberSelectionPolicy.LeastUsed(0x40000000), [Element(1, 10, false), Element(2, 11, false), Element(3, 12, false)]);
        _keepAlive = new AsapEndpointKeepAlive(0x0a0b0c0d, handle, 0x1a2b3c4d);
        _serverAnnounce = new AsapServerAnnounce(0x0a0b0c0d, [new SctpTransport(3863, TransportUse.DataOnly, [IPAddress.Parse("198.51.100.1")])]);
        _cookie = new AsapCookie(ValueArray.Create(new byte[32]));
        _error = new AsapError(new OperationError(new ErrorCause(RSerPool.Wire.Errors.ErrorCauseCode.UnknownPoolHandle)));
        _presence = new EnrpPresence(
            0x0a0b0c0d, 0x1f2e3d4c, 0xff39, new ServerInformation(0x0a0b0c0d, new SctpTransport(9901, TransportUse.DataOnly, [IPAddress.Parse("198.51.100.1")])), true);
        _handleUpdate = new EnrpHandleUpdate(0x0a0b0c0d, 0x1f2e3d4c, HandleUpdateAction.AddPoolElement, handle, Element(0x1a2b3c4d, 10, true));
        _handleTableResponse = new EnrpHandleTableResponse(
            0x0a0b0c0d, 0x1f2e3d4c, [new HandleTableEntry(handle, [Element(1, 10, true), Element(2, 11, true), Element(3, 12, true)])], MoreToSend: true);

        _registrationBytes = AsapEncoder.EncodeToArray(_registration);
        _deregistrationBytes = AsapEncoder.EncodeToArray(_deregistration);
        _handleResolutionBytes = AsapEncoder.EncodeToArray(_handleResolution);
        _handleResolutionResponseBytes = AsapEncoder.EncodeToArray(_handleResolutionResponse);
        _keepAliveBytes = AsapEncoder.EncodeToArray(_keepAlive);
        _serverAnnounceBytes = AsapEncoder.EncodeToArray(_serverAnnounce);
        _cookieBytes = AsapEncoder.EncodeToArray(_cookie);
        _errorBytes = AsapEncoder.EncodeToArray(_error);
        _presenceBytes = EnrpEncoder.EncodeToArray(_presence);
        _handleUpdateBytes = EnrpEncoder.EncodeToArray(_handleUpdate);
        _handleTableResponseBytes = EnrpEncoder.EncodeToArray(_handleTableResponse);
    }

    [Benchmark(Description = "decode Registration")]
    public AsapMessage DecodeRegistration() => AsapDecoder.Decode(_registrationBytes);

    [Benchmark(Description = "encode Registration")]
    public int EncodeRegistration() => AsapEncoder.Encode(_registration, _buffer);

    [Benchmark(Description = "decode Deregistration")]
    public AsapMessage DecodeDeregistration() => AsapDecoder.Decode(_deregistrationBytes);

    [Benchmark(Description = "encode Deregistration")]
    public int EncodeDeregistration() => AsapEncoder.Encode(_deregistration, _buffer);

    [Benchmark(Description = "decode Handle Resolution")]
    public AsapMessage DecodeHandleResolution() => AsapDecoder.Decode(_handleResolutionBytes);

    [Benchmark(Description = "encode Handle Resolution")]
    public int EncodeHandleResolution() => AsapEncoder.Encode(_handleResolution, _buffer);

    [Benchmark(Description = "decode Handle Resolution Response with 3 PEs")]
    public AsapMessage DecodeHandleResolutionResponse() => AsapDecoder.Decode(_handleResolutionResponseBytes);

    [Benchmark(Description = "encode Handle Resolution Response with 3 PEs")]
    public int EncodeHandleResolutionResponse() => AsapEncoder.Encode(_handleResolutionResponse, _buffer);

    [Benchmark(Description = "decode Endpoint Keep Alive")]
    public AsapMessage DecodeKeepAlive() => AsapDecoder.Decode(_keepAliveBytes);

    [Benchmark(Description = "encode Endpoint Keep Alive")]
    public int EncodeKeepAlive() => AsapEncoder.Encode(_keepAlive, _buffer);

    [Benchmark(Description = "decode Server Announce")]
    public AsapMessage DecodeServerAnnounce() => AsapDecoder.Decode(_serverAnnounceBytes);

    [Benchmark(Description = "encode Server Announce")]
    public int EncodeServerAnnounce() => AsapEncoder.Encode(_serverAnnounce, _buffer);

    [Benchmark(Description = "decode Cookie (32 B)")]
    public AsapMessage DecodeCookie() => AsapDecoder.Decode(_cookieBytes);

    [Benchmark(Description = "encode Cookie (32 B)")]
    public int EncodeCookie() => AsapEncoder.Encode(_cookie, _buffer);

    [Benchmark(Description = "decode ASAP Error")]
    public AsapMessage DecodeError() => AsapDecoder.Decode(_errorBytes);

    [Benchmark(Description = "encode ASAP Error")]
    public int EncodeError() => AsapEncoder.Encode(_error, _buffer);

    [Benchmark(Description = "decode ENRP Presence")]
    public EnrpMessage DecodePresence() => EnrpDecoder.Decode(_presenceBytes);

    [Benchmark(Description = "encode ENRP Presence")]
    public int EncodePresence() => EnrpEncoder.Encode(_presence, _buffer);

    [Benchmark(Description = "decode ENRP Handle Update")]
    public EnrpMessage DecodeHandleUpdate() => EnrpDecoder.Decode(_handleUpdateBytes);

    [Benchmark(Description = "encode ENRP Handle Update")]
    public int EncodeHandleUpdate() => EnrpEncoder.Encode(_handleUpdate, _buffer);

    [Benchmark(Description = "decode ENRP Handle Table Response with 3 PEs")]
    public EnrpMessage DecodeHandleTableResponse() => EnrpDecoder.Decode(_handleTableResponseBytes);

    [Benchmark(Description = "encode ENRP Handle Table Response with 3 PEs")]
    public int EncodeHandleTableResponse() => EnrpEncoder.Encode(_handleTableResponse, _buffer);
}
