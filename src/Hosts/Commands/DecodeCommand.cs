using System.CommandLine;
using RSerPool.Hosts.Commands.Decode;
using RSerPool.Wire;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Errors;

namespace RSerPool.Hosts.Commands;

/// <summary>
/// <c>rserpool decode [--protocol asap|enrp] [--json] [--reencode] FILE|-</c>: reads one ASAP/ENRP message as hex
/// text and prints it field by field, as JSON, or re-encoded. Exit 0 = decoded, 1 = malformed message, 2 = usage.
/// </summary>
public static class DecodeCommand
{
    public static Command Create(TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var protocol = new Option<string?>("--protocol")
        {
            Description = "asap or enrp (default: from a file name starting with asap-/enrp-, else asap)",
        };
        protocol.AcceptOnlyFromAmong("asap", "enrp");
        var json = new Option<bool>("--json") { Description = "print the fields as JSON" };
        var reencode = new Option<bool>("--reencode") { Description = "print only the re-encoded message as lowercase hex on one line" };
        var input = new Argument<string>("FILE") { Description = "file with the message as hex text, or - for standard input" };

        var command = new Command("decode", "Decode one ASAP or ENRP message given as hex text") { protocol, json, reencode, input };
        command.SetAction(parse => Run(
            parse.GetValue(input)!, parse.GetValue(protocol), parse.GetValue(json), parse.GetValue(reencode), stdin, stdout, stderr));
        return command;
    }

    public static int Run(string file, string? protocol, bool json, bool reencode, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        string text;
        try
        {
            text = file == "-" ? stdin.ReadToEnd() : File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"decode: cannot read {file}: {e.Message}");
            return ExitCodes.Usage;
        }
        if (!HexText.TryParse(text, out var bytes, out var hexError))
        {
            stderr.WriteLine($"decode: {file} is not hex text: {hexError}");
            return ExitCodes.Usage;
        }

        bool isEnrp = (protocol ?? InferProtocol(file)) == "enrp";
        object message;
        ValueArray<UnrecognizedParameter> unrecognized;
        DecodeError error;
        bool ok;
        if (isEnrp)
        {
            ok = EnrpDecoder.TryDecode(bytes, WireLimits.Default, out var enrp, out error, out unrecognized);
            message = enrp!;
        }
        else
        {
            ok = AsapDecoder.TryDecode(bytes, WireLimits.Default, out var asap, out error, out unrecognized);
            message = asap!;
        }
        var protocolName = isEnrp ? "ENRP" : "ASAP";
        if (!ok)
        {
            stderr.WriteLine($"decode: malformed {protocolName} message ({bytes.Length} bytes): {error}");
            foreach (var report in unrecognized)
            {
                stderr.WriteLine($"decode: unrecognized parameter 0x{report.Type:x4} at offset {report.Offset} (to be reported with cause 0x0001)");
            }
            return ExitCodes.Failure;
        }

        if (reencode)
        {
            var encoded = message is Wire.Messages.Enrp.EnrpMessage e ? EnrpEncoder.EncodeToArray(e) : AsapEncoder.EncodeToArray((Wire.Messages.Asap.AsapMessage)message);
            stdout.WriteLine(HexText.ToLowerHex(encoded));
            return ExitCodes.Success;
        }

        var (typeName, typeCode) = message switch
        {
            Wire.Messages.Enrp.EnrpMessage e => (e.Type.ToString(), (int)e.Type),
            Wire.Messages.Asap.AsapMessage a => (a.Type.ToString(), (int)a.Type),
            _ => throw new InvalidOperationException("decoder returned an unknown record"),
        };
        var fields = FieldTreeBuilder.Build(message);
        if (json)
        {
            var header = new Dictionary<string, object>
            {
                ["protocol"] = protocolName.ToLowerInvariant(),
                ["type"] = typeName,
                ["typeCode"] = typeCode,
                ["length"] = bytes.Length,
                ["unrecognizedParameters"] = unrecognized.Count,
            };
            stdout.WriteLine(FieldTreePrinter.ToJson(header, fields));
        }
        else
        {
            stdout.Write(FieldTreePrinter.ToText($"{protocolName} {typeName} (type 0x{typeCode:x2}, {bytes.Length} bytes)", fields));
            foreach (var report in unrecognized)
            {
                stdout.WriteLine($"  note: unrecognized parameter 0x{report.Type:x4} at offset {report.Offset} skipped; the receiver reports it with cause 0x0001");
            }
        }
        return ExitCodes.Success;
    }

    private static string InferProtocol(string file) =>
        Path.GetFileName(file).StartsWith("enrp-", StringComparison.OrdinalIgnoreCase) ? "enrp" : "asap";
}
