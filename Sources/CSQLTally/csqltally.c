#include "csqltally.h"
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

// One key value: a copy of what SQLite passed (text copied, since SQLite reuses its buffers).
typedef struct {
    int type;          // SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT or SQLITE_NULL
    sqlite3_int64 i;
    double d;
    char *text;
    int bytes;
} Key;

typedef struct {
    Key *keys;         // `arity` keys; NULL marks an empty slot
    sqlite3_int64 count;
    uint64_t hash;
} Slot;

// More distinct combinations than this and tally() gives up with an error (TALLY_TOO_MANY): the
// hash table would hold too much memory where a sort spills to disk; coso then groups by sorting.
// (COSO_TALLY_LIMIT sets a lower one, for the tests of that path.)
#define TALLY_LIMIT (1 << 20)
#define TALLY_TOO_MANY "tally(): too many groups"
static size_t tally_limit = TALLY_LIMIT;

typedef struct {
    Slot *slots;
    size_t capacity, used;
    int arity;
    int failed;
} Table;

static uint64_t mix(uint64_t h, const void *data, size_t n) {
    const unsigned char *p = data;
    for (size_t k = 0; k < n; k++) { h ^= p[k]; h *= 1099511628211ULL; }
    return h;
}

static uint64_t hash_values(int argc, sqlite3_value **argv) {
    uint64_t h = 1469598103934665603ULL;
    for (int a = 0; a < argc; a++) {
        int type = sqlite3_value_type(argv[a]);
        h = mix(h, &type, sizeof type);
        switch (type) {
        case SQLITE_INTEGER: { sqlite3_int64 i = sqlite3_value_int64(argv[a]); h = mix(h, &i, sizeof i); break; }
        case SQLITE_FLOAT: { double d = sqlite3_value_double(argv[a]); h = mix(h, &d, sizeof d); break; }
        case SQLITE_TEXT: h = mix(h, sqlite3_value_text(argv[a]), (size_t)sqlite3_value_bytes(argv[a])); break;
        default: break;
        }
    }
    return h;
}

static int same(const Key *keys, int argc, sqlite3_value **argv) {
    for (int a = 0; a < argc; a++) {
        const Key *k = &keys[a];
        int type = sqlite3_value_type(argv[a]);
        if (k->type != type) return 0;
        switch (type) {
        case SQLITE_INTEGER: if (k->i != sqlite3_value_int64(argv[a])) return 0; break;
        case SQLITE_FLOAT: if (k->d != sqlite3_value_double(argv[a])) return 0; break;
        case SQLITE_TEXT:
            if (k->bytes != sqlite3_value_bytes(argv[a]) || memcmp(k->text, sqlite3_value_text(argv[a]), (size_t)k->bytes) != 0) return 0;
            break;
        default: break;
        }
    }
    return 1;
}

static int grow(Table *t) {
    size_t capacity = t->capacity ? t->capacity * 2 : 64;
    Slot *slots = calloc(capacity, sizeof(Slot));
    if (!slots) return 0;
    for (size_t s = 0; s < t->capacity; s++) {
        if (!t->slots[s].keys) continue;
        size_t k = t->slots[s].hash & (capacity - 1);
        while (slots[k].keys) k = (k + 1) & (capacity - 1);
        slots[k] = t->slots[s];
    }
    free(t->slots);
    t->slots = slots;
    t->capacity = capacity;
    return 1;
}

static void step(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
    Table *t = sqlite3_aggregate_context(ctx, sizeof(Table));
    if (!t) { sqlite3_result_error_nomem(ctx); return; }
    if (t->failed) return;
    if (argc == 0) { t->failed = 4; return; }
    t->arity = argc;
    if ((t->used + 1) * 2 > t->capacity && !grow(t)) { t->failed = 1; return; }
    uint64_t h = hash_values(argc, argv);
    size_t k = h & (t->capacity - 1);
    while (t->slots[k].keys) {
        if (t->slots[k].hash == h && same(t->slots[k].keys, argc, argv)) { t->slots[k].count++; return; }
        k = (k + 1) & (t->capacity - 1);
    }
    if (t->used >= tally_limit) { t->failed = 3; return; }
    Key *keys = calloc((size_t)argc, sizeof(Key));
    if (!keys) { t->failed = 1; return; }
    for (int a = 0; a < argc; a++) {
        Key *key = &keys[a];
        key->type = sqlite3_value_type(argv[a]);
        switch (key->type) {
        case SQLITE_INTEGER: key->i = sqlite3_value_int64(argv[a]); break;
        case SQLITE_FLOAT: key->d = sqlite3_value_double(argv[a]); break;
        case SQLITE_TEXT:
            key->bytes = sqlite3_value_bytes(argv[a]);
            key->text = malloc((size_t)key->bytes + 1);
            if (!key->text) { t->failed = 1; return; }
            memcpy(key->text, sqlite3_value_text(argv[a]), (size_t)key->bytes);
            break;
        case SQLITE_NULL: break;
        default: t->failed = 2; return;  // a blob: no JSON for it
        }
    }
    t->slots[k].keys = keys;
    t->slots[k].hash = h;
    t->slots[k].count = 1;
    t->used++;
}

// A JSON string: quotes, backslashes and control characters escaped; UTF-8 passes as it is.
static void append_text(sqlite3_str *out, const char *text, int bytes) {
    sqlite3_str_appendchar(out, 1, '"');
    int start = 0;
    for (int k = 0; k < bytes; k++) {
        unsigned char c = (unsigned char)text[k];
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        sqlite3_str_append(out, text + start, k - start);
        if (c == '"' || c == '\\') { sqlite3_str_appendchar(out, 1, '\\'); sqlite3_str_appendchar(out, 1, (char)c); }
        else sqlite3_str_appendf(out, "\\u%04x", c);
        start = k + 1;
    }
    sqlite3_str_append(out, text + start, bytes - start);
    sqlite3_str_appendchar(out, 1, '"');
}

static void release(Table *t) {
    for (size_t s = 0; s < t->capacity; s++) {
        Key *keys = t->slots[s].keys;
        if (!keys) continue;
        for (int a = 0; a < t->arity; a++) free(keys[a].text);
        free(keys);
    }
    free(t->slots);
    t->slots = NULL;
}

static void final(sqlite3_context *ctx) {
    Table *t = sqlite3_aggregate_context(ctx, 0);
    if (!t || !t->slots) { sqlite3_result_text(ctx, "[]", 2, SQLITE_STATIC); if (t) release(t); return; }
    if (t->failed) {
        release(t);
        if (t->failed == 2) sqlite3_result_error(ctx, "tally() cannot count blobs", -1);
        else if (t->failed == 3) sqlite3_result_error(ctx, TALLY_TOO_MANY, -1);
        else if (t->failed == 4) sqlite3_result_error(ctx, "tally() needs at least one value", -1);
        else sqlite3_result_error_nomem(ctx);
        return;
    }
    sqlite3_str *out = sqlite3_str_new(sqlite3_context_db_handle(ctx));
    sqlite3_str_appendchar(out, 1, '[');
    int first = 1;
    for (size_t s = 0; s < t->capacity; s++) {
        const Slot *slot = &t->slots[s];
        if (!slot->keys) continue;
        if (!first) sqlite3_str_appendchar(out, 1, ',');
        first = 0;
        sqlite3_str_appendchar(out, 1, '[');
        for (int a = 0; a < t->arity; a++) {
            const Key *k = &slot->keys[a];
            switch (k->type) {
            case SQLITE_INTEGER: sqlite3_str_appendf(out, "%lld", k->i); break;
            // Seventeen digits read back as the same double; JSON has no infinity (SQLite reads 9e999 as one).
            case SQLITE_FLOAT:
                if (k->d > 1.7976931348623157e308) sqlite3_str_appendall(out, "9e999");
                else if (k->d < -1.7976931348623157e308) sqlite3_str_appendall(out, "-9e999");
                else sqlite3_str_appendf(out, "%!.17g", k->d);
                break;
            case SQLITE_TEXT: append_text(out, k->text, k->bytes); break;
            default: sqlite3_str_appendall(out, "null"); break;
            }
            sqlite3_str_appendchar(out, 1, ',');
        }
        sqlite3_str_appendf(out, "%lld]", slot->count);
    }
    sqlite3_str_appendchar(out, 1, ']');
    release(t);
    if (sqlite3_str_errcode(out) != SQLITE_OK) { sqlite3_free(sqlite3_str_finish(out)); sqlite3_result_error_nomem(ctx); return; }
    int length = sqlite3_str_length(out);
    sqlite3_result_text(ctx, sqlite3_str_finish(out), length, sqlite3_free);
}

int coso_tally_register(struct sqlite3 *db) {
    const char *limit = getenv("COSO_TALLY_LIMIT");
    if (limit && atol(limit) > 0) tally_limit = (size_t)atol(limit);
    return sqlite3_create_function(db, "tally", -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, NULL, step, final);
}
