/// The module every registry starts with: the audit trail. Its tables are append-only.
struct CoreModule: CosoModule {
    let manifest = Manifest(id: "core", version: Version(0, 1, 0),
                            summary: Label(vi: "Lõi: nhật ký thay đổi (audit)", en: "Core: the audit trail"))

    let enums = [
        EnumType(id: "change_op", label: Label(vi: "Loại thay đổi", en: "Change"), cases: [
            .init("insert", vi: "thêm", en: "insert"),
            .init("update", vi: "sửa", en: "update"),
            .init("delete", vi: "xóa", en: "delete"),
        ]),
    ]

    let entities = [AuditTrail.entries, AuditTrail.changes, AuditTrail.digests, AuditTrail.blocks, Settings.entity, PastValues.entity]

    let commands = [RuleSettings.command]

    /// A reference to a row that does not exist: only a file edited outside coso (foreign keys off)
    /// can hold one, and queries that rely on references would miss the row.
    let checks = [
        DataCheck("D001", .error, entity: "references",
                  problem: Label(vi: "dòng trỏ tới một dòng không tồn tại (tệp bị sửa ngoài coso)", en: "a row that refers to a missing row (edited outside coso)"),
                  fix: Label(vi: "sửa hoặc khôi phục dòng được trỏ tới; kiểm tra ai đã sửa tệp", en: "repair or restore the missing row; find who edited the file"),
                  sql: "SELECT f.rowid AS row_id, f.\"table\" || ' ' || f.rowid AS subject, NULL AS org_id, 'trỏ tới ' || f.parent || ' không có' AS detail "
                      + "FROM pragma_foreign_key_check AS f"),
    ]

    /// The steps of registers made before the tables were generated from these declarations.
    let migrations = [
        Migration(legacy: 1, "audit trail", sql: """
            CREATE TABLE audit (
                id INTEGER PRIMARY KEY,
                at TEXT NOT NULL,
                user TEXT NOT NULL,
                statement TEXT NOT NULL,
                source TEXT NOT NULL
            ) STRICT;
            CREATE TABLE audit_changes (
                id INTEGER PRIMARY KEY,
                audit_id INTEGER NOT NULL REFERENCES audit(id),
                entity TEXT NOT NULL,
                row_id INTEGER NOT NULL,
                op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
                before TEXT,
                after TEXT
            ) STRICT;
            CREATE INDEX audit_changes_by_audit ON audit_changes(audit_id);
            CREATE INDEX audit_changes_by_row ON audit_changes(entity, row_id);
            CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit
                BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
            CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit
                BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
            CREATE TRIGGER audit_changes_append_only_update BEFORE UPDATE ON audit_changes
                BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
            CREATE TRIGGER audit_changes_append_only_delete BEFORE DELETE ON audit_changes
                BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
            """),
        Migration(legacy: 2, "rule settings", sql: """
            CREATE TABLE settings (
                id INTEGER PRIMARY KEY,
                key TEXT NOT NULL UNIQUE,
                value TEXT NOT NULL
            ) STRICT;
            """),
        // Made the enum checks of older registers fast; their tables are now rebuilt in the declared
        // form, which has them so.
        Migration(legacy: 3, "enum checks without work per row", sql: "SELECT 1"),
    ]
}

/// The audit trail: who changed what, when, with which statement (an entry), and every row it
/// changed, before and after (its changes). Append-only: the table's triggers refuse any update
/// or delete, coso's own included.
public enum AuditTrail {
    public static let at = Field("at", .text, vi: "Thời điểm", en: "At", required: true)
    public static let user = Field("user", .text, vi: "Người thực hiện", en: "User", required: true)
    public static let statement = Field("statement", .text, vi: "Câu lệnh", en: "Statement", required: true).multilineText()
    public static let source = Field("source", .text, vi: "Nguồn", en: "Source", required: true)
    /// Why a correction (`update`, `void`) was made, as staff gave it.
    public static let reason = Field("reason", .text, vi: "Lý do sửa", en: "Reason").maxLength(1000)

    public static let entries = Entity(
        name: "audit", label: Label(vi: "Nhật ký thay đổi", en: "Audit trail"),
        singular: Label(vi: "lần thay đổi", en: "audit entry"), fields: [at, user, statement, source, reason],
        displayField: nil, readOnly: true, appendOnly: true)

    public static let entry = Field("audit", .reference("audit"), vi: "Lần thay đổi", en: "Audit entry", required: true)
    public static let entity = Field("entity", .text, vi: "Bảng", en: "Entity", required: true)
    public static let rowID = Field("row_id", .int, vi: "Mã dòng", en: "Row ID", required: true)
    public static let op = Field("op", .enumeration("change_op"), vi: "Loại", en: "Operation", required: true)
    public static let before = Field("before", .text, vi: "Trước", en: "Before", personal: true).multilineText()
    public static let after = Field("after", .text, vi: "Sau", en: "After", personal: true).multilineText()

    public static let changes = Entity(
        name: "audit_changes", label: Label(vi: "Dòng dữ liệu thay đổi", en: "Changed rows"),
        singular: Label(vi: "dòng thay đổi", en: "changed row"), fields: [entry, entity, rowID, op, before, after],
        displayField: nil, readOnly: true,
        indexes: [Index("audit_changes_by_audit", on: [entry]), Index("audit_changes_by_row", on: [entity, rowID])],
        appendOnly: true)
}

extension AuditTrail {
    /// The hash chain over the entries (`AuditDigest`): each entry's digest, written in the same
    /// transaction. Entries made before the chain existed have none (trust on first use).
    public static let digest = Field("digest", .text, vi: "Mã băm", en: "Digest", required: true)
    public static let digests = Entity(
        name: "audit_digests", label: Label(vi: "Chuỗi mã băm của nhật ký", en: "Audit digest chain"),
        singular: Label(vi: "mã băm", en: "digest"), fields: [entry, digest], displayField: nil, readOnly: true, appendOnly: true)

    /// Rows inserted in bulk, by blocks of up to 256: their digest, and a short hash of each row
    /// (four hex digits) that names the row a mismatch is in.
    public static let blockEntity = Field("entity", .text, vi: "Bảng", en: "Entity", required: true)
    public static let firstID = Field("first_id", .int, vi: "Mã đầu", en: "First ID", required: true)
    public static let lastID = Field("last_id", .int, vi: "Mã cuối", en: "Last ID", required: true)
    public static let rowCount = Field("row_count", .int, vi: "Số dòng", en: "Rows", required: true)
    /// The ids, when the block's are not every id from first to last.
    public static let ids = Field("ids", .text, vi: "Các mã", en: "IDs")
    public static let shortHashes = Field("short_hashes", .text, vi: "Mã băm ngắn", en: "Short hashes", required: true)
    public static let blocks = Entity(
        name: "audit_blocks", label: Label(vi: "Khối dòng nhập hàng loạt", en: "Bulk-inserted row blocks"),
        singular: Label(vi: "khối", en: "block"), fields: [entry, blockEntity, firstID, lastID, rowCount, ids, shortHashes, digest],
        displayField: nil, readOnly: true, indexes: [Index("audit_blocks_by_entity", on: [blockEntity, firstID])], appendOnly: true)
}

/// The values staff set for the rules' configurable figures (`setting`).
public enum Settings {
    public static let key = Field("key", .text, vi: "Khóa", en: "Key", required: true).maxLength(100)
    public static let value = Field("value", .text, vi: "Giá trị", en: "Value", required: true).maxLength(100)

    public static let entity = Entity(
        name: "settings", label: Label(vi: "Giá trị cấu hình của quy định", en: "Rule settings"),
        singular: Label(vi: "giá trị", en: "setting"), fields: [key, value], displayField: "key", constraints: [.unique(key)])
}
