// SHA-256 (FIPS 180-4) in plain C, for the audit trail's digests (coso verify): a C loop is fast
// even in a debug build, where the same loop in Swift hashed a demo's rows twenty times slower; on
// x86-64 processors with the SHA extensions (SHA-NI), four rounds an instruction.
#ifndef CSHA256_H
#define CSHA256_H
#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint32_t state[8];
    uint64_t length;
    uint8_t buffer[64];
    size_t used;
} coso_sha256;

void coso_sha256_init(coso_sha256 *ctx);
void coso_sha256_update(coso_sha256 *ctx, const uint8_t *data, size_t len);
void coso_sha256_final(coso_sha256 *ctx, uint8_t out[32]);
/* The processor's SHA extensions when it has them (on, the default), or the portable loop (off):
   for the tests, which check that both give the same digests. */
void coso_sha256_use_extensions(int on);

#endif
