import GRDB

/// The digests that make the audit trail a hash chain (../shared/TRUST.md): each entry's digest
/// covers its content, the rows it changed and the previous entry's digest; rows inserted in bulk
/// are covered by block digests of up to 256 rows, rolled into one digest in the entry.
///
/// A row is encoded as the audit trail already writes it: each field's value as its JSON token
/// (`JSON.encode` of the stored value), non-null fields in name order (`coso-row/1`). Rows, the
/// audit's before/after snapshots and block hashes then share one encoding: a row changed after a
/// bulk insert is hashed, as it was at that insert, straight from its audited `before`; a
/// nullable field added later changes no hash. Kinds of hash are told apart by a first byte, as
/// in Certificate Transparency (0 row, 1 block, 2 range, 3 change, 4 entry).
public enum AuditDigest {
    static let version = "coso-audit/1"
    /// Rows per block of a bulk insert: a mismatch is narrowed to the block, and to the row by
    /// the block's short row hashes.
    static let blockSize = 256
    static let zero = [UInt8](repeating: 0, count: 32)

    /// A length-prefixed string, so that no two sequences of fields encode alike.
    static func put(_ s: String, _ h: inout SHA256) {
        h.update(Int64(s.utf8.count))
        h.update(s)
    }

    /// `coso-row/1`: entity, id, then each non-null field (but id) in name order, as name and
    /// JSON token.
    /// (`tokens` in any order: they are sorted here unless `sorted` says they are.)
    public static func rowHash(entity: String, id: Int64, tokens: [(String, String)], sorted: Bool = false) -> [UInt8] {
        var h = SHA256()
        h.update([0x00])
        put("coso-row/1", &h)
        put(entity, &h)
        h.update(id)
        for (name, token) in sorted ? tokens : tokens.sorted(by: { $0.0 < $1.0 }) where name != "id" && token != "null" {
            put(name, &h)
            put(token, &h)
        }
        return h.finish()
    }

    static func blockDigest(entity: String, first: Int64, rowHashes: [[UInt8]]) -> [UInt8] {
        var h = SHA256()
        h.update([0x01])
        put(entity, &h)
        h.update(first)
        h.update(Int64(rowHashes.count))
        for r in rowHashes { h.update(r) }
        return h.finish()
    }

    static func rangeDigest(entity: String, blocks: [String]) -> String {
        var h = SHA256()
        h.update([0x02])
        put(entity, &h)
        for b in blocks { put(b, &h) }
        return SHA256.hex(h.finish())
    }

    static func leaf(entity: String, rowID: Int64, op: String, before: String?, after: String?) -> [UInt8] {
        var h = SHA256()
        h.update([0x03])
        put(entity, &h)
        h.update(rowID)
        put(op, &h)
        for side in [before, after] {
            if let side { h.update([1]); put(side, &h) } else { h.update([0]) }
        }
        return h.finish()
    }

    /// dₙ = SHA-256(4 ‖ version ‖ dₙ₋₁ ‖ n ‖ at ‖ user ‖ statement ‖ source ‖ reason ‖ k ‖ leaves).
    static func entryDigest(previous: [UInt8], id: Int64, at: String, user: String, statement: String, source: String,
                            reason: String?, leaves: [[UInt8]]) -> String {
        var h = SHA256()
        h.update([0x04])
        put(version, &h)
        h.update(previous)
        h.update(id)
        for s in [at, user, statement, source] { put(s, &h) }
        if let reason { h.update([1]); put(reason, &h) } else { h.update([0]) }
        h.update(Int64(leaves.count))
        for l in leaves { h.update(l) }
        return SHA256.hex(h.finish())
    }

    /// The positions of `fields` in name order.
    static func nameOrder(_ fields: [Field]) -> [Int] { fields.indices.sorted { fields[$0].name < fields[$1].name } }

    /// `{"a":1,"b":"x"}` as its keys and raw value tokens (the flat objects `JSON.object` writes).
    public static func tokens(ofObject json: String) -> [(String, String)]? {
        let s = Array(json.utf8)
        var i = 0
        func skipSpace() { while i < s.count, s[i] == 0x20 || s[i] == 0x0A || s[i] == 0x09 || s[i] == 0x0D { i += 1 } }
        func string() -> String? {
            guard i < s.count, s[i] == 0x22 else { return nil }
            let start = i
            i += 1
            while i < s.count, s[i] != 0x22 { i += s[i] == 0x5C ? 2 : 1 }
            guard i < s.count else { return nil }
            i += 1
            return String(decoding: s[start..<i], as: UTF8.self)
        }
        skipSpace()
        guard i < s.count, s[i] == 0x7B else { return nil }
        i += 1
        var out: [(String, String)] = []
        skipSpace()
        if i < s.count, s[i] == 0x7D { return out }
        while i < s.count {
            skipSpace()
            guard let key = string() else { return nil }
            skipSpace()
            guard i < s.count, s[i] == 0x3A else { return nil }
            i += 1
            skipSpace()
            let value: String
            if i < s.count, s[i] == 0x22 {
                guard let v = string() else { return nil }
                value = v
            } else {
                let start = i
                while i < s.count, s[i] != 0x2C, s[i] != 0x7D { i += 1 }
                value = String(decoding: s[start..<i].filter { $0 != 0x20 && $0 != 0x0A }, as: UTF8.self)
            }
            out.append((String(key.dropFirst().dropLast()), value))
            skipSpace()
            guard i < s.count else { return nil }
            if s[i] == 0x7D { return out }
            guard s[i] == 0x2C else { return nil }
            i += 1
        }
        return nil
    }
}
