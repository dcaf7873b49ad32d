/*
 * sctp-loadgen: closed-loop ASAP load on one-to-one kernel SCTP sockets (PPID 11, RFC 5352) against two registrars,
 * loading one at a time in interleaved slices so machine noise hits both alike (docs/bench-registrar.md).
 *
 * For each registrar it opens K keeper associations that register K pool elements in pool "bench-hr" (3 per
 * answer are asked for by the registrar's default) and answer every Endpoint Keep Alive (RFC 5352 §2.2.7/§2.2.8),
 * then N load associations. Mode "hr": each load association sends Handle Resolutions for "bench-hr" in a closed
 * loop (one outstanding). Mode "rereg": each load association registers its own PE in "bench-rr" once, then sends
 * the same Registration again and again (an unchanged re-registration). The bytes sent are identical for both
 * registrars. After a warm-up (alternating slices, not reported) it runs PAIRS pairs of slices, A then B on even
 * pairs and B then A on odd ones, and prints one line per slice: completed operations, rate, latency percentiles,
 * the CPU time the registrar's process used during the slice (/proc/PID/stat utime+stime), and the CPU time the other,
 * idle registrar used meanwhile.
 *
 * Build (static; the lab guest has no compiler): gcc -O2 -static -o sctp-loadgen sctp-loadgen.c
 * Usage: sctp-loadgen MODE N A_ADDR:PORT A_PID B_ADDR:PORT B_PID [PAIRS [SLICE_S [WARMUP_S [KEEPERS]]]]
 *        sctp-loadgen first-registration ADDR:PORT TIMEOUT_S   (seconds until a first Registration is answered)
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#define IPPROTO_SCTP_ 132
#define SOL_SCTP_ 132
#define SCTP_DEFAULT_SNDINFO_ 34 /* RFC 6458 §8.1.31 */
#define MSG_NOTIFICATION_ 0x8000
#define ASAP_PPID 11
#define MAX_CONN 64
#define MAX_SAMPLES 2000000

struct sndinfo { uint16_t sid; uint16_t flags; uint32_t ppid; uint32_t context; int32_t assoc_id; };

enum role { KEEPER, LOAD };

struct conn {
    int fd;
    int target;       /* 0 = A, 1 = B */
    enum role role;
    uint32_t pe_id;   /* keeper: its PE; rereg load: its PE */
    int outstanding;  /* a request waits for its answer */
    int expect;       /* message type the outstanding request waits for */
    struct timespec sent;
};

static struct conn conns[MAX_CONN];
static int nconns;
static long long *samples;
static long long nsamples;
static long long completed, bad, keepalives;
static int counting; /* answers count towards the slice */
static const char *mode;

static double now_s(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static long long elapsed_ns(const struct timespec *from) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (t.tv_sec - from->tv_sec) * 1000000000LL + (t.tv_nsec - from->tv_nsec);
}

static void die(const char *what) {
    fprintf(stderr, "sctp-loadgen: %s: %s\n", what, strerror(errno));
    exit(2);
}

static void put16(uint8_t *p, unsigned v) { p[0] = v >> 8; p[1] = v; }
static void put32(uint8_t *p, uint32_t v) { p[0] = v >> 24; p[1] = v >> 16; p[2] = v >> 8; p[3] = v; }
static unsigned get16(const uint8_t *p) { return (p[0] << 8) | p[1]; }

/* ASAP Handle Resolution (RFC 5352 §2.2.5) for an 8-byte pool handle: 16 bytes. */
static size_t handle_resolution(uint8_t *m, const char *pool) {
    m[0] = 0x05; m[1] = 0; put16(m + 2, 16);
    put16(m + 4, 0x0009); put16(m + 6, 12); memcpy(m + 8, pool, 8);
    return 16;
}

/* ASAP Registration (RFC 5352 §2.2.1): pool handle, PE parameter with an SCTP transport on 127.0.0.1 and Round
 * Robin; 56 bytes. Life 600,000 ms (10 min; our registrar's default maximum). */
static size_t registration(uint8_t *m, const char *pool, uint32_t pe, unsigned port) {
    m[0] = 0x01; m[1] = 0; put16(m + 2, 56);
    put16(m + 4, 0x0009); put16(m + 6, 12); memcpy(m + 8, pool, 8);
    put16(m + 16, 0x000a); put16(m + 18, 40);
    put32(m + 20, pe); put32(m + 24, 0); put32(m + 28, 600000);
    put16(m + 32, 0x0004); put16(m + 34, 16); put16(m + 36, port); put16(m + 38, 1);
    put16(m + 40, 0x0001); put16(m + 42, 8); m[44] = 127; m[45] = 0; m[46] = 0; m[47] = 1;
    put16(m + 48, 0x0008); put16(m + 50, 8); put32(m + 52, 1);
    return 56;
}

static int open_assoc(const char *addrport) {
    char host[64];
    const char *colon = strrchr(addrport, ':');
    if (!colon || colon - addrport >= (long)sizeof host) { fprintf(stderr, "bad endpoint %s\n", addrport); exit(2); }
    memcpy(host, addrport, colon - addrport); host[colon - addrport] = 0;
    struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = htons(atoi(colon + 1)) };
    if (inet_pton(AF_INET, host, &sa.sin_addr) != 1) { fprintf(stderr, "bad address %s\n", host); exit(2); }
    int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP_);
    if (fd < 0) die("socket(SCTP)");
    struct sndinfo si = { .ppid = htonl(ASAP_PPID) };
    if (setsockopt(fd, SOL_SCTP_, SCTP_DEFAULT_SNDINFO_, &si, sizeof si) < 0) die("SCTP_DEFAULT_SNDINFO");
    if (connect(fd, (struct sockaddr *)&sa, sizeof sa) < 0) {
        close(fd);
        return -1;
    }
    return fd;
}

static void send_msg(struct conn *c, const uint8_t *m, size_t n, int expect) {
    if (send(c->fd, m, n, 0) != (ssize_t)n) die("send");
    if (expect) {
        c->outstanding = 1;
        c->expect = expect;
        clock_gettime(CLOCK_MONOTONIC, &c->sent);
    }
}

/* Top-level parameters of type T in an ASAP message whose parameters start at OFFSET. */
static int count_params(const uint8_t *m, size_t n, size_t offset, unsigned type) {
    int found = 0;
    while (offset + 4 <= n) {
        unsigned t = get16(m + offset), len = get16(m + offset + 2);
        if (len < 4) break;
        if (t == type) found++;
        offset += (len + 3) & ~3u;
    }
    return found;
}

static void send_request(struct conn *c) {
    uint8_t m[64];
    if (strcmp(mode, "hr") == 0) send_msg(c, m, handle_resolution(m, "bench-hr"), 0x06);
    else send_msg(c, m, registration(m, "bench-rr", c->pe_id, 30000 + (c->pe_id & 0xff)), 0x03);
}

/* Reads one message from C; answers keep-alives; settles the outstanding request. 0 when the peer closed. */
static int on_readable(struct conn *c) {
    uint8_t m[65536];
    struct iovec iov = { m, sizeof m };
    struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1 };
    ssize_t n = recvmsg(c->fd, &mh, MSG_DONTWAIT);
    if (n < 0) return errno == EAGAIN ? 1 : 0;
    if (n == 0) return 0;
    if (mh.msg_flags & MSG_NOTIFICATION_) return 1;
    if (n < 4) { bad++; return 1; }
    unsigned type = m[0];
    if (type == 0x07) { /* Endpoint Keep Alive -> Ack with its pool handle and PE identifier (RFC 5352 §2.2.8) */
        uint8_t ack[64];
        size_t params = n - 8;
        if (params > sizeof ack - 4) params = sizeof ack - 4;
        ack[0] = 0x08; ack[1] = 0; put16(ack + 2, 4 + params);
        memcpy(ack + 4, m + 8, params);
        send_msg(c, ack, 4 + params, 0);
        keepalives++;
        return 1;
    }
    if (!c->outstanding || type != (unsigned)c->expect) { bad++; return 1; }
    c->outstanding = 0;
    int ok = type == 0x06 ? count_params(m, n, 4, 0x000a) == 3 : (m[1] & 1) == 0;
    if (!ok) bad++;
    if (counting && c->role == LOAD) {
        completed++;
        if (nsamples < MAX_SAMPLES) samples[nsamples++] = elapsed_ns(&c->sent);
    }
    return 1;
}

/* Polls every connection until DEADLINE (or, when WAIT_IDLE, until nothing is outstanding on TARGET's
 * connections); when LOAD_TARGET >= 0 its load connections send a new request after each answer. */
static void run(double deadline, int load_target, int wait_idle, int target) {
    struct pollfd p[MAX_CONN];
    for (int i = 0; i < nconns; i++) p[i] = (struct pollfd){ .fd = conns[i].fd, .events = POLLIN };
    while (now_s() < deadline) {
        if (wait_idle) {
            int busy = 0;
            for (int i = 0; i < nconns; i++) busy |= conns[i].target == target && conns[i].outstanding;
            if (!busy) return;
        }
        int r = poll(p, nconns, 50);
        if (r < 0 && errno != EINTR) die("poll");
        for (int i = 0; r > 0 && i < nconns; i++) {
            if (!(p[i].revents & (POLLIN | POLLERR | POLLHUP))) continue;
            struct conn *c = &conns[i];
            if (!on_readable(c)) { fprintf(stderr, "sctp-loadgen: registrar %c closed an association\n", 'A' + c->target); exit(3); }
            if (c->role == LOAD && c->target == load_target && !c->outstanding && now_s() < deadline) send_request(c);
        }
    }
}

static double cpu_s(int pid) {
    char path[64], buf[1024];
    snprintf(path, sizeof path, "/proc/%d/stat", pid);
    FILE *f = fopen(path, "r");
    if (!f) return -1;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = 0;
    char *p = strrchr(buf, ')');
    unsigned long long utime = 0, stime = 0;
    /* fields after "pid (comm)": state(3) ... utime(14) stime(15) */
    if (!p || sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &utime, &stime) != 2) return -1;
    return (double)(utime + stime) / sysconf(_SC_CLK_TCK);
}

static int cmp_ll(const void *a, const void *b) {
    long long x = *(const long long *)a, y = *(const long long *)b;
    return x < y ? -1 : x > y;
}

static double percentile_us(double q) {
    if (nsamples == 0) return 0;
    long long i = (long long)(q * (nsamples - 1) + 0.5);
    return samples[i] / 1000.0;
}

static void slice(int target, int pid, int idle_pid, double secs, int pair, int report) {
    completed = 0; nsamples = 0; bad = 0; counting = 1;
    double cpu0 = cpu_s(pid), idle0 = cpu_s(idle_pid), t0 = now_s();
    for (int i = 0; i < nconns; i++)
        if (conns[i].role == LOAD && conns[i].target == target) send_request(&conns[i]);
    run(t0 + secs, target, 0, target);
    double t1 = now_s(), cpu1 = cpu_s(pid), idle1 = cpu_s(idle_pid);
    counting = 0;
    run(t1 + 10, -1, 1, target); /* the last answers, not counted */
    if (!report) return;
    qsort(samples, nsamples, sizeof *samples, cmp_ll);
    printf("slice mode=%s pair=%d side=%c ops=%lld secs=%.3f rate=%.1f p50us=%.0f p99us=%.0f cpu_s=%.3f idle_other_cpu_s=%.3f bad=%lld\n",
           mode, pair, 'A' + target, completed, t1 - t0, completed / (t1 - t0), percentile_us(0.5), percentile_us(0.99), cpu1 - cpu0,
           idle1 - idle0, bad);
    fflush(stdout);
}

static int first_registration(const char *endpoint, double timeout) {
    double t0 = now_s();
    while (now_s() - t0 < timeout) {
        int fd = open_assoc(endpoint);
        if (fd < 0) { usleep(20000); continue; }
        conns[0] = (struct conn){ .fd = fd, .role = KEEPER, .pe_id = 0x46000001 };
        nconns = 1;
        uint8_t m[64];
        send_msg(&conns[0], m, registration(m, "bench-fr", conns[0].pe_id, 30999), 0x03);
        run(t0 + timeout, -1, 1, 0);
        if (!conns[0].outstanding) {
            printf("first-registration answered %.3f s after the first try (bad=%lld)\n", now_s() - t0, bad);
            return 0;
        }
        close(fd);
    }
    printf("first-registration not answered within %.0f s\n", timeout);
    return 1;
}

int main(int argc, char **argv) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (argc == 4 && strcmp(argv[1], "first-registration") == 0) return first_registration(argv[2], atof(argv[3]));
    if (argc < 7) {
        fprintf(stderr, "usage: %s hr|rereg N A_ADDR:PORT A_PID B_ADDR:PORT B_PID [PAIRS [SLICE_S [WARMUP_S [KEEPERS]]]]\n"
                        "       %s first-registration ADDR:PORT TIMEOUT_S\n", argv[0], argv[0]);
        return 2;
    }
    mode = argv[1];
    int n = atoi(argv[2]);
    const char *ep[2] = { argv[3], argv[5] };
    int pid[2] = { atoi(argv[4]), atoi(argv[6]) };
    int pairs = argc > 7 ? atoi(argv[7]) : 30;
    double slice_s = argc > 8 ? atof(argv[8]) : 2;
    double warmup = argc > 9 ? atof(argv[9]) : 30;
    int keepers = argc > 10 ? atoi(argv[10]) : 10;
    if ((strcmp(mode, "hr") && strcmp(mode, "rereg")) || n < 1 || 2 * (n + keepers) > MAX_CONN || pairs < 1) {
        fprintf(stderr, "sctp-loadgen: bad arguments\n");
        return 2;
    }
    samples = malloc(sizeof *samples * MAX_SAMPLES);
    if (!samples) die("malloc");

    /* Keepers register the pool's PEs; load connections of "rereg" register their own PE first. */
    for (int t = 0; t < 2; t++) {
        for (int k = 0; k < keepers + n; k++) {
            int fd = open_assoc(ep[t]);
            if (fd < 0) die("connect");
            struct conn *c = &conns[nconns++];
            *c = (struct conn){ .fd = fd, .target = t, .role = k < keepers ? KEEPER : LOAD,
                                .pe_id = k < keepers ? 0x48000001u + k : 0x52000001u + (k - keepers) };
            uint8_t m[64];
            if (c->role == KEEPER) send_msg(c, m, registration(m, "bench-hr", c->pe_id, 20000 + k), 0x03);
            else if (strcmp(mode, "rereg") == 0) send_msg(c, m, registration(m, "bench-rr", c->pe_id, 30000 + (c->pe_id & 0xff)), 0x03);
        }
        run(now_s() + 30, -1, 1, t);
        for (int i = 0; i < nconns; i++)
            if (conns[i].target == t && conns[i].outstanding) { fprintf(stderr, "sctp-loadgen: registrar %c did not answer the registrations\n", 'A' + t); return 3; }
        if (bad) { fprintf(stderr, "sctp-loadgen: registrar %c refused a registration\n", 'A' + t); return 3; }
    }
    printf("setup mode=%s associations=%d keepers=%d pairs=%d slice=%.1f warmup=%.0f\n", mode, n, keepers, pairs, slice_s, warmup);

    for (double done = 0; done < warmup; done += slice_s) {
        slice(0, pid[0], pid[1], slice_s, -1, 0);
        slice(1, pid[1], pid[0], slice_s, -1, 0);
    }
    for (int p = 0; p < pairs; p++) {
        int first = p % 2;
        slice(first, pid[first], pid[1 - first], slice_s, p, 1);
        slice(1 - first, pid[1 - first], pid[first], slice_s, p, 1);
    }
    printf("done keepalives=%lld\n", keepalives);
    return 0;
}
