/*
 * sctp-floor: the least work a registrar can do over one-to-many kernel SCTP, to measure the ceiling any registrar can
 * reach in scripts/bench/registrar-vs-rsplib.sh's closed loop (docs/bench-registrar.md, issue 14). One thread, one
 * blocking recvmsg and one sendmsg per request: a Registration (type 0x01) is answered with an accepting Registration
 * Response (0x03), a Handle Resolution (0x05) with a canned Handle Resolution Response (0x06) of the pool handle and
 * three Pool Element parameters, about the size of a real answer; anything else is read and dropped. No handlespace,
 * no keep-alives, no validation: not a registrar, a floor.
 *
 * Build (static; the lab guest has no compiler): gcc -O2 -static -o sctp-floor sctp-floor.c
 * Usage: sctp-floor ADDR PORT
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#define IPPROTO_SCTP_ 132
#define SOL_SCTP_ 132
#define SCTP_DEFAULT_SNDINFO_ 34 /* RFC 6458 §8.1.31 */
#define MSG_NOTIFICATION_ 0x8000
#define PE_PARAM_LENGTH 56

struct sndinfo { uint16_t sid; uint16_t flags; uint32_t ppid; uint32_t context; int32_t assoc_id; };

static void put16(uint8_t *p, unsigned v) { p[0] = v >> 8; p[1] = v & 0xff; }

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: sctp-floor ADDR PORT\n"); return 2; }
    int fd = socket(AF_INET, SOCK_SEQPACKET, IPPROTO_SCTP_);
    if (fd < 0) { perror("socket"); return 1; }
    struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = htons((uint16_t)atoi(argv[2])) };
    if (inet_pton(AF_INET, argv[1], &sa.sin_addr) != 1) { fprintf(stderr, "bad address %s\n", argv[1]); return 2; }
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sndinfo info = { .ppid = htonl(11) }; /* ASAP's PPID on every association (assoc id 0: the future ones) */
    if (setsockopt(fd, SOL_SCTP_, SCTP_DEFAULT_SNDINFO_, &info, sizeof info) < 0) { perror("SCTP_DEFAULT_SNDINFO"); return 1; }
    if (bind(fd, (struct sockaddr *)&sa, sizeof sa) < 0 || listen(fd, 128) < 0) { perror("bind/listen"); return 1; }

    /* Canned answers: Registration Response (accepted, no parameters) and a Handle Resolution Response. */
    uint8_t registered[4] = { 0x03, 0, 0, 4 };
    uint8_t resolved[4 + 12 + 3 * PE_PARAM_LENGTH];
    memset(resolved, 0, sizeof resolved);
    resolved[0] = 0x06; put16(resolved + 2, sizeof resolved);
    put16(resolved + 4, 0x0009); put16(resolved + 6, 12); memcpy(resolved + 8, "bench-hr", 8); /* Pool Handle */
    for (int i = 0; i < 3; i++) {
        uint8_t *pe = resolved + 16 + i * PE_PARAM_LENGTH;
        put16(pe, 0x000a); put16(pe + 2, PE_PARAM_LENGTH);
        pe[7] = (uint8_t)(i + 1);
    }

    uint8_t m[65536];
    for (;;) {
        struct sockaddr_in peer;
        struct iovec iov = { m, sizeof m };
        struct msghdr mh = { .msg_name = &peer, .msg_namelen = sizeof peer, .msg_iov = &iov, .msg_iovlen = 1 };
        ssize_t n = recvmsg(fd, &mh, 0);
        if (n < 0) { perror("recvmsg"); return 1; }
        if ((mh.msg_flags & MSG_NOTIFICATION_) || n < 4) continue;
        struct iovec out;
        if (m[0] == 0x01) out = (struct iovec){ registered, sizeof registered };
        else if (m[0] == 0x05) out = (struct iovec){ resolved, sizeof resolved };
        else continue;
        struct msghdr reply = { .msg_name = &peer, .msg_namelen = mh.msg_namelen, .msg_iov = &out, .msg_iovlen = 1 };
        if (sendmsg(fd, &reply, 0) < 0) perror("sendmsg");
    }
}
