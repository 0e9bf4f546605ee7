#include "csha256.h"
#include <string.h>

static const uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

#define ROTR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static void compress_portable(uint32_t state[8], const uint8_t *p) {
    uint32_t w[64];
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 | (uint32_t)p[4 * i + 2] << 8 | (uint32_t)p[4 * i + 3];
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = ROTR(w[i - 15], 7) ^ ROTR(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = ROTR(w[i - 2], 17) ^ ROTR(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
    uint32_t e = state[4], f = state[5], g = state[6], h = state[7];
    for (int i = 0; i < 64; i++) {
        uint32_t t1 = h + (ROTR(e, 6) ^ ROTR(e, 11) ^ ROTR(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i];
        uint32_t t2 = (ROTR(a, 2) ^ ROTR(a, 13) ^ ROTR(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        h = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
    }
    state[0] += a; state[1] += b; state[2] += c; state[3] += d;
    state[4] += e; state[5] += f; state[6] += g; state[7] += h;
}


#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <cpuid.h>
#include <immintrin.h>
#define COSO_SHANI 1

/* The SHA extensions (SHA-NI, on this machine's and most x86 processors since 2017): four rounds
   an instruction. The message schedule of a group of four rounds is
   W[g] = msg2(msg1(W[g-4], W[g-3]) + alignr(W[g-1], W[g-2], 4), W[g-1]). */
__attribute__((target("sha,sse4.1,ssse3")))
static void compress_shani(uint32_t state[8], const uint8_t *p) {
    const __m128i mask = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    __m128i tmp = _mm_loadu_si128((const __m128i *)&state[0]);       /* DCBA */
    __m128i state1 = _mm_loadu_si128((const __m128i *)&state[4]);    /* HGFE */
    tmp = _mm_shuffle_epi32(tmp, 0xB1);                               /* CDAB */
    state1 = _mm_shuffle_epi32(state1, 0x1B);                         /* EFGH */
    __m128i state0 = _mm_alignr_epi8(tmp, state1, 8);                 /* ABEF */
    state1 = _mm_blend_epi16(state1, tmp, 0xF0);                      /* CDGH */
    const __m128i abef = state0, cdgh = state1;
    __m128i w[4];
    for (int g = 0; g < 16; g++) {
        __m128i m;
        if (g < 4) {
            m = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 16 * g)), mask);
        } else {
            __m128i t = _mm_add_epi32(_mm_sha256msg1_epu32(w[g & 3], w[(g + 1) & 3]), _mm_alignr_epi8(w[(g + 3) & 3], w[(g + 2) & 3], 4));
            m = _mm_sha256msg2_epu32(t, w[(g + 3) & 3]);
        }
        w[g & 3] = m;
        __m128i mk = _mm_add_epi32(m, _mm_loadu_si128((const __m128i *)&K[4 * g]));
        state1 = _mm_sha256rnds2_epu32(state1, state0, mk);
        mk = _mm_shuffle_epi32(mk, 0x0E);
        state0 = _mm_sha256rnds2_epu32(state0, state1, mk);
    }
    state0 = _mm_add_epi32(state0, abef);
    state1 = _mm_add_epi32(state1, cdgh);
    tmp = _mm_shuffle_epi32(state0, 0x1B);                            /* FEBA */
    state1 = _mm_shuffle_epi32(state1, 0xB1);                         /* DCHG */
    state0 = _mm_blend_epi16(tmp, state1, 0xF0);                      /* DCBA */
    state1 = _mm_alignr_epi8(state1, tmp, 8);                         /* ABEF -> HGFE */
    _mm_storeu_si128((__m128i *)&state[0], state0);
    _mm_storeu_si128((__m128i *)&state[4], state1);
}

/* Whether the processor has the SHA extensions and SSE4.1 (asked once; a race only asks twice). */
static int known = -1;
static int has_shani(void) {
    if (known < 0) {
        unsigned a, b, c, d;
        int sse41 = __get_cpuid(1, &a, &b, &c, &d) && (c & (1u << 19)) && (c & (1u << 9));
        int sha = __get_cpuid_count(7, 0, &a, &b, &c, &d) && (b & (1u << 29));
        known = sse41 && sha;
    }
    return known;
}
#endif

void coso_sha256_use_extensions(int on) {
#ifdef COSO_SHANI
    known = on ? -1 : 0;
#else
    (void)on;
#endif
}

static void compress(coso_sha256 *ctx, const uint8_t *p) {
#ifdef COSO_SHANI
    if (has_shani()) { compress_shani(ctx->state, p); return; }
#endif
    compress_portable(ctx->state, p);
}

void coso_sha256_init(coso_sha256 *ctx) {
    static const uint32_t H[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    memcpy(ctx->state, H, sizeof H);
    ctx->length = 0;
    ctx->used = 0;
}

void coso_sha256_update(coso_sha256 *ctx, const uint8_t *data, size_t len) {
    ctx->length += len;
    if (ctx->used) {
        size_t take = 64 - ctx->used < len ? 64 - ctx->used : len;
        memcpy(ctx->buffer + ctx->used, data, take);
        ctx->used += take; data += take; len -= take;
        if (ctx->used < 64) return;
        compress(ctx, ctx->buffer);
        ctx->used = 0;
    }
    while (len >= 64) { compress(ctx, data); data += 64; len -= 64; }
    memcpy(ctx->buffer, data, len);
    ctx->used = len;
}

void coso_sha256_final(coso_sha256 *ctx, uint8_t out[32]) {
    uint64_t bits = ctx->length * 8;
    ctx->buffer[ctx->used++] = 0x80;
    if (ctx->used > 56) {
        memset(ctx->buffer + ctx->used, 0, 64 - ctx->used);
        compress(ctx, ctx->buffer);
        ctx->used = 0;
    }
    memset(ctx->buffer + ctx->used, 0, 56 - ctx->used);
    for (int i = 0; i < 8; i++) ctx->buffer[56 + i] = (uint8_t)(bits >> (56 - 8 * i));
    compress(ctx, ctx->buffer);
    for (int i = 0; i < 8; i++) {
        out[4 * i] = (uint8_t)(ctx->state[i] >> 24); out[4 * i + 1] = (uint8_t)(ctx->state[i] >> 16);
        out[4 * i + 2] = (uint8_t)(ctx->state[i] >> 8); out[4 * i + 3] = (uint8_t)ctx->state[i];
    }
}
