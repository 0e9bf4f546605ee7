import GRDB

/// The digests of a write: the blocks of its bulk inserts and the entry's link in the chain,
/// written in the same transaction as the entry (`AuditDigest`).
extension WriteTransaction {
    /// Adds the entry's digest, when the transaction made one: called once its changes are all
    /// written, before the commit.
    func seal() throws {
        guard let auditID else { return }
        try flushPending()
        guard let entry = try Row.fetchOne(db, sql: "SELECT at, user, statement, source, reason FROM audit WHERE id = ?", arguments: [auditID]) else { return }
        let previous = try String.fetchOne(db, sql: "SELECT digest FROM audit_digests ORDER BY audit_id DESC LIMIT 1")
            .map(Self.bytes) ?? AuditDigest.zero
        var leaves: [[UInt8]] = []
        let changes = try Row.fetchCursor(db.cachedStatement(sql: "SELECT entity, row_id, op, before, after FROM audit_changes WHERE audit_id = ? ORDER BY id"),
                                          arguments: [auditID])
        while let c = try changes.next() {
            leaves.append(AuditDigest.leaf(entity: c[0], rowID: c[1], op: c[2], before: c[3], after: c[4]))
        }
        let digest = AuditDigest.entryDigest(previous: previous, id: auditID, at: entry[0], user: entry[1], statement: entry[2],
                                             source: entry[3], reason: entry[4], leaves: leaves)
        try db.execute(sql: "INSERT INTO audit_digests (audit_id, digest) VALUES (?, ?)", arguments: [auditID, digest])
    }

    /// The blocks of the rows of `entity` with ids from `first` to `last`, read back as stored,
    /// written to `audit_blocks`; returns the range's digest, for the entry.
    func sealBlocks(_ entity: Entity, first: Int64, last: Int64, audit: Int64) throws -> String {
        let sql = "SELECT \(RowHasher.columns(entity)) FROM \(entity.table) WHERE id BETWEEN ? AND ? ORDER BY id"
        let statement = try db.makeStatement(sql: sql)
        try statement.setArguments([first, last])
        var hasher = RowHasher(entity)
        var digests: [String] = []
        var ids: [Int64] = [], hashes: [[UInt8]] = []
        func flush() throws {
            guard let blockFirst = ids.first, let blockLast = ids.last else { return }
            let dense = blockLast - blockFirst + 1 == Int64(ids.count)
            let digest = SHA256.hex(AuditDigest.blockDigest(entity: entity.name, first: blockFirst, rowHashes: hashes))
            try db.cachedStatement(sql: """
                INSERT INTO audit_blocks (audit_id, entity, first_id, last_id, row_count, ids, short_hashes, digest) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [audit, entity.name, blockFirst, blockLast, ids.count,
                                         dense ? nil : ids.map(String.init).joined(separator: ","),
                                         hashes.map { SHA256.hex(Array($0.prefix(2))) }.joined(), digest])
            digests.append(digest)
            ids.removeAll(keepingCapacity: true); hashes.removeAll(keepingCapacity: true)
        }
        try hasher.each(statement) { id, hash in
            ids.append(id)
            hashes.append(hash)
            if ids.count == AuditDigest.blockSize { try flush() }
        }
        try flush()
        return AuditDigest.rangeDigest(entity: entity.name, blocks: digests)
    }

    static func bytes(_ hex: String) -> [UInt8] {
        var out: [UInt8] = []
        var high: UInt8?
        for c in hex.utf8 {
            let v: UInt8 = c >= 0x61 ? c - 0x61 + 10 : c - 0x30
            if let h = high { out.append(h << 4 | v); high = nil } else { high = v }
        }
        return out
    }
}
