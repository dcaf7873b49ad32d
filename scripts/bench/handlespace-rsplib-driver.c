/*
 * Driver of ours for RSPLIB's handlespace (issue 14 item 2, docs/bench-handlespace.md): runs the workloads of
 * `handlespace-harness vs-rsplib` (tests/Benchmarks/Handlespace/HandlespaceVersusRsplib.cs) against RSPLIB's own
 * handlespace management, built from an RSPLIB checkout by scripts/bench/handlespace-vs-rsplib.sh.
 * Only RSPLIB's public handlespace API is called; no RSPLIB code is part of this file.
 *
 * Workload per policy (must match the C# side): one pool "EchoPool", N PEs with identifiers 1..N over 100
 * associations, owner 0x0A0B0C0D, TCP user transport with one IPv4 address; for PE i (0-based):
 *   weight = 1 + i % 16 (also the Priority), load = (i % 1000) * 4,000,000, load degradation = 0x00100000,
 *   load DPF = weight DPF = 0x00010000, distance = i % 100.
 *   "new load" values: weight = 1 + (i + 8) % 16, load = ((i + 500) % 1000) * 4,000,000; policies without values
 *   (Round Robin, Random) change the transport port instead.
 * Operations, each timed on its own: register N new PEs (one pass); re-register all unchanged (6 passes, median);
 * re-register all with a new load (6 passes alternating the new and the original values, median); resolutions of 1 item, then of 3 items (after 1,000 untimed), in batches of 1,000 until at least
 * MIN_SECONDS of CPU passed (at most 20,000 batches); deregister all. Max Increment 0 (the
 * policy's default, as rspregistrar's default).
 *
 * Output: "RESULT <policy> <operation> <M ops/s>" lines, per CPU second of the process (a busy shared machine
 * should not decide the ratio).
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <arpa/inet.h>

#include "poolhandlespacemanagement.h"

#define HS(name) name##_SimpleRedBlackTree

struct BenchPolicy
{
   const char*  Name;   /* as the C# harness prints it */
   unsigned int Type;
   int          HasValues;
};

static const struct BenchPolicy Policies[] = {
   { "RoundRobin",                                 PPT_ROUNDROBIN,                                0 },
   { "WeightedRoundRobin",                         PPT_WEIGHTED_ROUNDROBIN,                       1 },
   { "Random",                                     PPT_RANDOM,                                    0 },
   { "WeightedRandom",                             PPT_WEIGHTED_RANDOM,                           1 },
   { "Priority",                                   PPT_PRIORITY,                                  1 },
   { "LeastUsed",                                  PPT_LEASTUSED,                                 1 },
   { "LeastUsedWithDegradation",                   PPT_LEASTUSED_DEGRADATION,                     1 },
   { "PriorityLeastUsed",                          PPT_PRIORITY_LEASTUSED,                        1 },
   { "RandomizedLeastUsed",                        PPT_RANDOMIZED_LEASTUSED,                      1 },
   { "RandomizedPriorityLeastUsed",                PPT_RANDOMIZED_PRIORITY_LEASTUSED,             1 },
   { "RandomizedLeastUsedWithDegradation",         PPT_RANDOMIZED_LEASTUSED_DEGRADATION,          1 },
   { "PriorityLeastUsedWithDegradation",           PPT_PRIORITY_LEASTUSED_DEGRADATION,            1 },
   { "RandomizedPriorityLeastUsedWithDegradation", PPT_RANDOMIZED_PRIORITY_LEASTUSED_DEGRADATION, 1 },
   { "WeightedRandomWithDpf",                      PPT_WEIGHTED_RANDOM_DPF,                       1 },
   { "LeastUsedWithDpf",                           PPT_LEASTUSED_DPF,                             1 },
   { "LeastUsedWithDegradationAndDpf",             PPT_LEASTUSED_DEGRADATION_DPF,                 1 },
};

#define OWN_ID      0x0A0B0C0Du
#define BATCH       1000
#define MAX_BATCHES 20000
#define PASSES      6

static int compareDoubles(const void* a, const void* b)
{
   const double x = *(const double*)a;
   const double y = *(const double*)b;
   return (x > y) - (x < y);
}

static double median(double* values, int count)
{
   qsort(values, count, sizeof(double), compareDoubles);
   return (count % 2) ? values[count / 2] : (values[count / 2 - 1] + values[count / 2]) / 2.0;
}

static double now(void)
{
   struct timespec ts;
   clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);   /* CPU seconds, as the C# side counts them */
   return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void settings(struct PoolPolicySettings* pps, unsigned int type, size_t i, int changed)
{
   poolPolicySettingsNew(pps);
   pps->PolicyType      = type;
   pps->Weight          = 1 + (unsigned int)((changed ? i + 8 : i) % 16);
   pps->Load            = (unsigned int)(((changed ? i + 500 : i) % 1000) * 4000000u);
   pps->LoadDegradation = 0x00100000;
   pps->LoadDPF         = 0x00010000;
   pps->WeightDPF       = 0x00010000;
   pps->Distance        = (unsigned int)(i % 100);
}

static struct TransportAddressBlock* transport(size_t i, int portOffset)
{
   union sockaddr_union address;
   memset(&address, 0, sizeof(address));
   address.in.sin_family      = AF_INET;
   address.in.sin_port        = htons((uint16_t)(1024 + (i % 60000) + portOffset));
   address.in.sin_addr.s_addr = htonl(0x0A000001u + (uint32_t)((i >> 16) << 24));
   struct TransportAddressBlock* block = malloc(transportAddressBlockGetSize(1));
   transportAddressBlockNew(block, IPPROTO_TCP, (uint16_t)(1024 + (i % 60000) + portOffset), 0, &address, 1, 1);
   return block;
}

static void runPolicy(const struct BenchPolicy* policy, size_t n, double minSeconds)
{
   struct PoolHandle handle;
   poolHandleNew(&handle, (const unsigned char*)"EchoPool", 8);

   /* The decoded records exist before the clock starts, as in the C# harness. */
   struct PoolPolicySettings*     plain      = malloc(n * sizeof(*plain));
   struct PoolPolicySettings*     changed    = malloc(n * sizeof(*changed));
   struct TransportAddressBlock** transports = malloc(n * sizeof(*transports));
   struct TransportAddressBlock** moved      = malloc(n * sizeof(*moved));
   for(size_t i = 0; i < n; i++) {
      settings(&plain[i], policy->Type, i, 0);
      settings(&changed[i], policy->Type, i, policy->HasValues);
      transports[i] = transport(i, 0);
      moved[i]      = policy->HasValues ? transports[i] : transport(i, 1);
   }

   struct HS(PoolHandlespaceManagement) hs;
   HS(poolHandlespaceManagementNew)(&hs, OWN_ID, NULL, NULL, NULL);
   struct HS(PoolElementNode)* node;

   /* Registration of new PEs: one pass. Re-registration: PASSES passes each, the median printed; the "new load"
      passes alternate between the new and the original values, so every pass changes every PE. */
   double rates[PASSES];
   for(int kind = 0; kind < 3; kind++) {
      const int passes = (kind == 0) ? 1 : PASSES;
      for(int pass = 0; pass < passes; pass++) {
         const int                            changes = (kind == 2) && (pass % 2 == 0);
         const struct PoolPolicySettings*     values  = changes ? changed : plain;
         struct TransportAddressBlock* const* blocks  = changes ? moved : transports;
         double start = now();
         for(size_t i = 0; i < n; i++) {
            unsigned int error = HS(poolHandlespaceManagementRegisterPoolElement)(
               &hs, &handle, OWN_ID, (PoolElementIdentifierType)(i + 1), 90000, &values[i], blocks[i], NULL,
               -1, (sctp_assoc_t)(1 + (i % 100)), 0, &node);
            if(error != RSPERR_OKAY) {
               fprintf(stderr, "registration of PE %zu failed: %u\n", i + 1, error);
               exit(1);
            }
         }
         rates[pass] = n / (now() - start) / 1e6;
      }
      static const char* names[3] = { "register", "reregister-unchanged", "reregister-newload" };
      printf("RESULT %s %s %.4f\n", policy->Name, names[kind], median(rates, passes));
   }

   struct HS(PoolElementNode)* selected[3];
   const size_t items[2] = { 1, 3 };
   for(int k = 0; k < 2; k++) {
      size_t count;
      for(size_t r = 0; r < BATCH; r++) {
         count = items[k];
         HS(poolHandlespaceManagementHandleResolution)(&hs, &handle, selected, &count, items[k], 0);
      }
      size_t done    = 0;
      double start   = now();
      double elapsed = 0.0;
      for(size_t batch = 0; (batch < MAX_BATCHES) && (elapsed < minSeconds); batch++) {
         for(size_t r = 0; r < BATCH; r++) {
            count = items[k];
            HS(poolHandlespaceManagementHandleResolution)(&hs, &handle, selected, &count, items[k], 0);
            if(count != items[k]) {
               fprintf(stderr, "resolution returned %zu PEs\n", count);
               exit(1);
            }
         }
         done += BATCH;
         elapsed = now() - start;
      }
      printf("RESULT %s resolve-%zu %.4f\n", policy->Name, items[k], done / elapsed / 1e6);
   }

   double start = now();
   for(size_t i = 0; i < n; i++) {
      HS(poolHandlespaceManagementDeregisterPoolElement)(&hs, &handle, (PoolElementIdentifierType)(i + 1));
   }
   printf("RESULT %s deregister %.4f\n", policy->Name, n / (now() - start) / 1e6);
   fflush(stdout);

   HS(poolHandlespaceManagementDelete)(&hs);
   for(size_t i = 0; i < n; i++) {
      if(moved[i] != transports[i]) {
         free(moved[i]);
      }
      free(transports[i]);
   }
   free(plain);
   free(changed);
   free(transports);
   free(moved);
}

int main(int argc, char** argv)
{
   size_t n           = (argc > 1) ? strtoul(argv[1], NULL, 10) : 100000;
   double minSeconds  = (argc > 2) ? atof(argv[2]) : 0.25;
   const char* only   = (argc > 3) ? argv[3] : NULL;
   for(size_t p = 0; p < sizeof(Policies) / sizeof(Policies[0]); p++) {
      if((only == NULL) || (strcmp(only, Policies[p].Name) == 0)) {
         runPolicy(&Policies[p], n, minSeconds);
      }
   }
   return 0;
}
