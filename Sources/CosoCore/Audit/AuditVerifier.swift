import GRDB

/// `coso verify`'s second half: the audit trail recomputed as a hash chain, and every audited
/// table's rows compared with what the trail says they should be. It proves integrity, not
/// truth: whoever can write the file can rewrite rows and rehash the whole chain; a head digest
/// written down outside the file (a report, the superior committee's copy) then no longer
/// matches.
public struct AuditVerifier {
    public struct Problem: Sendable, Equatable {
        public let message: Label
        public init(message: Label) { self.message = message }
    }

    public struct Report: Sendable {
        public var problems: [Problem] = []
        /// The last entry of the chain and its digest, to write down.
        public var head: (id: Int64, at: String, digest: String)?
        /// Entries made before the chain existed (not covered by it), and the rows they inserted
        /// in bulk (taken as they are: trust on first use).
        public var unchained = 0, uncoveredRows = 0
        public var entries = 0, rows = 0
        /// The rollups recounted (`Rollup`).
        public var rollups = 0
    }

    let db: Database
    let catalog: Catalog

    public init(_ db: Database, catalog: Catalog) { self.db = db; self.catalog = catalog }

    public func run() throws -> Report {
        var report = Report()
        try chain(&report)
        for name in catalog.entityNames {
            guard let entity = catalog.entity(name), entity.isStored, !entity.readOnly else { continue }
            try rows(entity, &report)
            try rollups(entity, &report)
        }
        return report
    }

    /// Each rollup recounted from its table: a write that went around the triggers (the file
    /// edited with them dropped) leaves figures read from it wrong.
    private func rollups(_ entity: Entity, _ report: inout Report) throws {
        for schema in RollupSchema.all(of: entity, catalog: catalog) {
            let wrong = try schema.differences(db)
            report.rollups += 1
            guard wrong > 0 else { continue }
            report.problems.append(Problem(message: Label(
                vi: "bảng tổng hợp \(schema.table) lệch \(wrong) tổ hợp so với \(entity.name) khi đếm lại: số liệu đọc từ nó sai; đếm lại bằng coso verify --recount",
                en: "the rollup \(schema.table) differs from \(entity.name) in \(wrong) combinations when recounted: figures read from it are wrong; recount with coso verify --recount")))
        }
    }

    // MARK: The chain

    private func chain(_ report: inout Report) throws {
        var previous = AuditDigest.zero
        var started = false
        let changes = try db.cachedStatement(sql: "SELECT entity, row_id, op, before, after FROM audit_changes WHERE audit_id = ? ORDER BY id")
        let entries = try Row.fetchCursor(db, sql: """
            SELECT a.id, a.at, a.user, a.statement, a.source, a.reason, d.digest FROM audit a
            LEFT JOIN audit_digests d ON d.audit_id = a.id ORDER BY a.id
            """)
        var lastID: Int64 = 0
        while let e = try entries.next() {
            let id: Int64 = e[0]
            report.entries += 1
            guard let stored: String = e[6] else {
                if started {
                    report.problems.append(Problem(message: Label(vi: "mục nhật ký \(id) không có mã băm: được thêm ngoài coso",
                                                                  en: "audit entry \(id) has no digest: added outside coso")))
                } else {
                    report.unchained += 1
                }
                continue
            }
            if started, id != lastID + 1 {
                // An entry of the chain is gone (its digest may be gone with it).
                let missing = try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_digests WHERE audit_id > ? AND audit_id < ?", arguments: [lastID, id]) ?? 0
                if missing > 0 {
                    report.problems.append(Problem(message: Label(vi: "mục nhật ký từ \(lastID + 1) đến \(id - 1) đã bị xóa ngoài coso",
                                                                  en: "audit entries \(lastID + 1) to \(id - 1) were deleted outside coso")))
                }
            }
            var leaves: [[UInt8]] = []
            let cursor = try Row.fetchCursor(changes, arguments: [id])
            while let c = try cursor.next() {
                leaves.append(AuditDigest.leaf(entity: c[0], rowID: c[1], op: c[2], before: c[3], after: c[4]))
            }
            let digest = AuditDigest.entryDigest(previous: previous, id: id, at: e[1], user: e[2], statement: e[3], source: e[4],
                                                 reason: e[5], leaves: leaves)
            if digest != stored {
                let at: String = e[1]
                report.problems.append(Problem(message: Label(
                    vi: "mục nhật ký \(id) (\(at)) không khớp mã băm: nội dung, các dòng nó ghi hay mục trước nó đã bị sửa ngoài coso",
                    en: "audit entry \(id) (\(at)) does not match its digest: it, the rows it records or the entry before it were edited outside coso")))
            }
            started = true
            previous = WriteTransaction.bytes(stored)
            lastID = id
            report.head = (id, e[1], stored)
        }
    }

    // MARK: The rows

    /// A change recorded for one row (not a bulk range).
    private struct Change { let id: Int64; let op: String; let before: String?; let after: String? }
    private struct Block {
        let audit: Int64, first: Int64, last: Int64
        /// The ids, when they are not every id from first to last (most blocks: not kept, so that a
        /// country's 49 million ids are not held at once).
        let explicit: [Int64]?
        /// Each row's short hash, four hex digits a row, as stored (one string a block: a country's
        /// 193,000 blocks split into a string a row took 500 MB).
        let short: String, digest: String
        var ids: [Int64] { explicit ?? Array(first...last) }
        func holds(_ id: Int64) -> Bool { position(of: id) != nil }
        /// Where `id` stands among the block's ids (explicit ids are in ascending order).
        func position(of id: Int64) -> Int? {
            guard first <= id, id <= last else { return nil }
            guard let explicit else { return Int(id - first) }
            var low = 0, high = explicit.count
            while low < high {
                let mid = (low + high) / 2
                if explicit[mid] < id { low = mid + 1 } else { high = mid }
            }
            return low < explicit.count && explicit[low] == id ? low : nil
        }
    }

    private func rows(_ entity: Entity, _ report: inout Report) throws {
        // What the trail says of each row: its changes one by one, and the bulk inserts' blocks.
        var changes: [Int64: [Change]] = [:]
        var bulkAudit: [Int64: Int64] = [:]  // audit entry -> its bulk change's id
        var unchainedRanges: [ClosedRange<Int64>] = []
        let recorded = try Row.fetchCursor(db, sql: "SELECT id, audit_id, row_id, op, before, after FROM audit_changes WHERE entity = ? ORDER BY id",
                                           arguments: [entity.name])
        while let r = try recorded.next() {
            let after: String? = r[5]
            if let after, after.hasPrefix("{\"bulk\":true") {
                bulkAudit[r[1]] = r[0]
                // A bulk insert made before the chain: its rows have no blocks.
                let summary = Dictionary(AuditDigest.tokens(ofObject: after) ?? [], uniquingKeysWith: { a, _ in a })
                if summary["digest"] == nil, let first = summary["first_id"].flatMap({ Int64($0) }), let last = summary["last_id"].flatMap({ Int64($0) }) {
                    unchainedRanges.append(first...last)
                }
                continue
            }
            changes[r[2], default: []].append(Change(id: r[0], op: r[3], before: r[4], after: after))
        }
        var blocks: [Block] = []
        let stored = try Row.fetchCursor(db, sql: "SELECT audit_id, first_id, last_id, row_count, ids, short_hashes, digest FROM audit_blocks WHERE entity = ? ORDER BY first_id",
                                         arguments: [entity.name])
        while let b = try stored.next() {
            let first: Int64 = b[1], last: Int64 = b[2]
            let ids: [Int64]? = (b[4] as String?).map { $0.split(separator: ",").compactMap { Int64($0) } }
            let short: String = b[5]
            blocks.append(Block(audit: b[0], first: first, last: last, explicit: ids,
                                short: short, digest: b[6]))
        }
        // Every row now, in one pass in id order: one with changes of its own is compared with
        // the last; any other must lie in a block. Blocks (sorted by first id) are opened as the
        // scan reaches them and checked once it has passed their last id, so that only the blocks
        // around the scan's position are held.
        var hasher = RowHasher(entity)
        var unexplained: [Int64] = []
        var seen: Set<Int64> = []
        var next = 0
        var open: [OpenBlock] = []
        let declared = Set(entity.fields.map(\.name))
        func close(before id: Int64?) {
            open.removeAll { block in
                guard id.map({ block.block.last < $0 }) ?? true else { return false }
                check(block, entity, changes, bulkAudit, &report)
                return true
            }
        }
        let scan = try db.makeStatement(sql: "SELECT \(RowHasher.columns(entity)) FROM \(entity.table) ORDER BY id")
        try hasher.each(scan) { id, hash in
            report.rows += 1
            while next < blocks.count, blocks[next].first <= id { open.append(OpenBlock(blocks[next])); next += 1 }
            if open.contains(where: { $0.block.last < id }) { close(before: id) }
            var inBlock = false
            for k in open.indices where open[k].record(id, hash) { inBlock = true }
            if let mine = changes[id], let last = mine.last {
                seen.insert(id)
                if last.op == "delete" {
                    unexplained.append(id)
                } else if let after = last.after {
                    // The row as its last change left it, hashed the same way (fields no longer
                    // declared left out; one added since must be empty, as null fields are not hashed).
                    let tokens = (AuditDigest.tokens(ofObject: after) ?? []).filter { declared.contains($0.0) }
                    if AuditDigest.rowHash(entity: entity.name, id: id, tokens: tokens) != hash { changed(entity, id, &report) }
                }
            } else if !inBlock {
                if unchainedRanges.contains(where: { $0.contains(id) }) { report.uncoveredRows += 1 } else { unexplained.append(id) }
            }
        }
        while next < blocks.count { open.append(OpenBlock(blocks[next])); next += 1 }
        close(before: nil)
        for id in unexplained.prefix(20) {
            report.problems.append(Problem(message: Label(vi: "\(entity.name) mã \(id): dòng không có trong nhật ký (thêm ngoài coso)",
                                                          en: "\(entity.name) id \(id): a row the audit trail does not record (added outside coso)")))
        }
        // Rows the trail says exist and that are gone.
        for (id, mine) in changes.sorted(by: { $0.key < $1.key }) where mine.last?.op != "delete" && !seen.contains(id) && !inBlockAnywhere(id, blocks) {
            report.problems.append(Problem(message: Label(vi: "\(entity.name) mã \(id): dòng đã bị xóa ngoài coso",
                                                          en: "\(entity.name) id \(id): the row was deleted outside coso")))
        }
    }

    /// A block the scan has reached: the hashes of its rows met so far, by position.
    private struct OpenBlock {
        let block: Block
        var hashes: [[UInt8]?]
        init(_ block: Block) {
            self.block = block
            hashes = Array(repeating: nil, count: block.explicit?.count ?? Int(block.last - block.first + 1))
        }
        /// Keeps `hash` when the block holds `id`.
        mutating func record(_ id: Int64, _ hash: [UInt8]) -> Bool {
            guard let k = block.position(of: id) else { return false }
            hashes[k] = hash
            return true
        }
    }

    /// A block as it was inserted: a row changed since by coso is taken as its change's `before`
    /// says it was; any other row as the scan found it.
    private func check(_ open: OpenBlock, _ entity: Entity, _ changes: [Int64: [Change]], _ bulkAudit: [Int64: Int64],
                       _ report: inout Report) {
        let b = open.block
        let insertedBy = bulkAudit[b.audit] ?? 0
        var states: [(Int64, [UInt8]?)] = []
        for (k, id) in b.ids.enumerated() {
            if let later = changes[id]?.first(where: { $0.id > insertedBy }) {
                states.append((id, later.before.flatMap(AuditDigest.tokens(ofObject:)).map { AuditDigest.rowHash(entity: entity.name, id: id, tokens: $0) }))
            } else {
                states.append((id, open.hashes[k]))
            }
        }
        let digest = AuditDigest.blockDigest(entity: entity.name, first: states.first?.0 ?? b.first, rowHashes: states.map { $0.1 ?? AuditDigest.zero })
        guard SHA256.hex(digest) != b.digest else { return }
        var named = false
        let short = Array(b.short.utf8)
        for (i, (id, hash)) in states.enumerated() {
            guard let hash else {
                named = true
                report.problems.append(Problem(message: Label(vi: "\(entity.name) mã \(id): dòng đã bị xóa ngoài coso",
                                                              en: "\(entity.name) id \(id): the row was deleted outside coso")))
                continue
            }
            if 4 * i + 4 <= short.count, Array(SHA256.hex(Array(hash.prefix(2))).utf8) != Array(short[(4 * i)..<(4 * i + 4)]) {
                named = true
                changed(entity, id, &report)
            }
        }
        if !named {
            report.problems.append(Problem(message: Label(
                vi: "\(entity.name) mã \(b.first) đến \(b.last): khối dòng nhập hàng loạt không khớp mã băm (sửa ngoài coso)",
                en: "\(entity.name) ids \(b.first) to \(b.last): a block of bulk-inserted rows does not match its digest (edited outside coso)")))
        }
    }

    private func inBlockAnywhere(_ id: Int64, _ blocks: [Block]) -> Bool {
        blocks.contains { $0.holds(id) }
    }

    private func changed(_ entity: Entity, _ id: Int64, _ report: inout Report) {
        report.problems.append(Problem(message: Label(vi: "\(entity.name) mã \(id): dòng đã bị sửa ngoài coso (khác với nhật ký)",
                                                      en: "\(entity.name) id \(id): the row was changed outside coso (it differs from the audit trail)")))
    }
}
