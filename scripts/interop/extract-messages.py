#!/usr/bin/env python3
"""Writes every ASAP (PPID 11) and ENRP (PPID 12) message of an SCTP capture to its own .hex file for wirecheck.

usage: extract-messages.py PCAP OUTDIR [SERVER_PORT ...]

Each DATA chunk with PPID 11/12 becomes OUTDIR/<asap|enrp>-<NNN>.hex: a comment line saying frame, ports and
direction ("from registrar" when the source port is one of SERVER_PORTS, default 3863 and 9901), then the bytes.
Fragmented user messages (B/E bits not both set) are joined per stream before writing. Prints the file count.
"""
import os
import subprocess
import sys


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    pcap, out = sys.argv[1], sys.argv[2]
    servers = {int(p) for p in sys.argv[3:]} or {3863, 9901}
    os.makedirs(out, exist_ok=True)
    # The ASAP/ENRP dissectors are turned off so the chunk payload stays raw bytes (data.data).
    fields = ["frame.number", "sctp.srcport", "sctp.dstport", "sctp.data_payload_proto_id",
              "sctp.data_b_bit", "sctp.data_e_bit", "sctp.data_sid", "data.data"]
    cmd = ["tshark", "-r", pcap, "--disable-protocol", "asap", "--disable-protocol", "enrp",
           "-Y", "sctp.data_payload_proto_id == 11 || sctp.data_payload_proto_id == 12", "-T", "fields",
           "-E", "occurrence=a", "-E", "aggregator=;", "-E", "separator=\t"]
    for f in fields:
        cmd += ["-e", f]
    lines = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.splitlines()
    count = 0
    partial = {}
    for line in lines:
        cols = line.split("\t")
        if len(cols) < len(fields):
            continue
        frame, sport, dport = cols[0], int(cols[1]), int(cols[2])
        ppids, bbits, ebits, sids, datas = (c.split(";") for c in cols[3:8])
        for ppid, b, e, sid, data in zip(ppids, bbits, ebits, sids, datas):
            key = (sport, dport, sid)
            chunk = partial.pop(key, "") + data.replace(":", "")
            if e not in ("1", "True", "true"):
                partial[key] = chunk
                continue
            proto = {"11": "asap", "12": "enrp"}.get(ppid)
            if proto is None:
                continue
            count += 1
            direction = "from registrar" if sport in servers else ("to registrar" if dport in servers else "PU/PE data channel")
            with open(os.path.join(out, "%s-%03d.hex" % (proto, count)), "w") as f:
                f.write("# frame %s, SCTP %d -> %d, PPID %s, %s\n" % (frame, sport, dport, ppid, direction))
                for i in range(0, len(chunk), 32):
                    f.write(" ".join(chunk[j:j + 2] for j in range(i, min(i + 32, len(chunk)), 2)) + "\n")
    print(count)
    return 0


if __name__ == "__main__":
    sys.exit(main())
