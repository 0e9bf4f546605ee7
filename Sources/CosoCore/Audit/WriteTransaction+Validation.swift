import GRDB

/// Every write a module makes is checked before it reaches SQLite: its values against the entity's
/// declaration (`RowValidator`), then what only the register can answer (a unique value another row
/// holds, a reference to a row that does not exist). Inside `bulk` (imports and generators) the
/// caller checks its rows itself: the importer with the same validator, a generator by
/// construction.
extension WriteTransaction {
    func validateInsert<Key: RowKey>(_ entity: Entity, _ values: [Key: Value]) throws {
        var row = try fields(entity, values)
        for field in entity.fields where row[field] == nil { if let value = field.defaultValue { row[field] = value } }
        let validator = RowValidator(entity: entity, catalog: catalog, today: origin.today)
        if let problem = validator.problems(of: row).first { throw problem }
        try checkStored(entity, row, id: row[Field.id]?.intValue, changed: nil)
    }

    func validateUpdate<Key: RowKey>(_ entity: Entity, id: Int64, before: [(String, Value)], _ values: [Key: Value]) throws {
        let changes = try fields(entity, values)
        var row: [Field: Value] = [:]
        for (field, (_, value)) in zip(entity.fields, before) { row[field] = value }
        row.merge(changes) { $1 }
        let changed = Set(changes.keys.map(\.name))
        let validator = RowValidator(entity: entity, catalog: catalog, today: origin.today)
        if let problem = validator.problems(of: row, checking: changed).first { throw problem }
        try checkStored(entity, row, id: id, changed: changed)
    }

    /// Checks values a command is about to write against their fields' declarations ahead of the
    /// rules that read them, so that a score beyond its bounds is refused as such and not as a level
    /// it does not match. An empty value is left to the write, which checks the whole row.
    public func check(_ entity: Entity, _ values: [Field: Value]) throws {
        let validator = RowValidator(entity: entity, catalog: catalog, today: origin.today)
        for field in entity.fields {
            guard let value = values[field], !value.isNull else { continue }
            if let problem = validator.problem(field, value) { throw problem }
        }
    }

    /// The values keyed by the entity's own fields; a key it does not declare is a module's mistake.
    private func fields<Key: RowKey>(_ entity: Entity, _ values: [Key: Value]) throws -> [Field: Value] {
        var row: [Field: Value] = [:]
        for (key, value) in values {
            guard let field = entity.field(key.fieldName) else {
                throw RuleViolation("E0702", vi: "lỗi nội bộ: \(entity.name) không có trường \(key.fieldName)",
                                    en: "internal error: \(entity.name) has no field \(key.fieldName)")
            }
            row[field] = value
        }
        return row
    }

    /// A unique value or combination another row holds, a reference to no row: what the register
    /// alone can tell. `changed`: only what touches these fields (an update's).
    func checkStored(_ entity: Entity, _ row: [Field: Value], id: Int64?, changed: Set<String>?) throws {
        func touches(_ names: [String]) -> Bool { changed.map { c in names.contains { c.contains($0) } } ?? true }
        let other: Value = id.map { .int($0) } ?? .null
        for field in entity.fields where field.name != "id" && touches([field.name]) {
            guard let value = row[field], !value.isNull else { continue }
            if field.unique,
               let holder = try connectionScalar("SELECT id FROM \(entity.table) WHERE \(field.column) = ? AND id IS NOT ? LIMIT 1", [value, other]).intValue {
                throw RuleViolation(ValidationCode.taken.rawValue, vi: "\(field.label.vi) này đã có ở \(entity.singular.vi) mã \(holder)",
                                    en: "this \(field.label.en) is already held by \(entity.singular.en) \(holder)", argument: field.name)
            }
            if case .reference(let target) = field.type, let targetEntity = catalog.entity(target), case .int(let ref) = value,
               try connectionScalar("SELECT 1 FROM \(targetEntity.table) WHERE id = ?", [.int(ref)]).isNull {
                throw RuleViolation(ValidationCode.noSuchRow.rawValue, vi: "\(field.label.vi): không có \(targetEntity.singular.vi) mã \(ref)",
                                    en: "\(field.label.en): no \(targetEntity.singular.en) with id \(ref)", argument: field.name)
            }
        }
        for constraint in entity.constraints where constraint.kind == .unique && touches(constraint.fields) {
            let fields = constraint.fields.compactMap { entity.field($0) }
            let values = fields.map { row[$0] ?? .null }
            guard fields.count == constraint.fields.count, !values.contains(where: \.isNull) else { continue }
            let condition = fields.map { "\($0.column) = ?" }.joined(separator: " AND ")
            if let holder = try connectionScalar("SELECT id FROM \(entity.table) WHERE \(condition) AND id IS NOT ? LIMIT 1", values + [other]).intValue {
                let vi = fields.map(\.label.vi).joined(separator: ", "), en = fields.map(\.label.en).joined(separator: ", ")
                throw RuleViolation(ValidationCode.takenTogether.rawValue, vi: "đã có \(entity.singular.vi) với cùng \(vi) (mã \(holder))",
                                    en: "\(entity.singular.en) \(holder) has the same \(en)", argument: fields.last?.name)
            }
        }
    }

    /// Runs a statement, turning a constraint SQLite refuses into a refusal naming the field where
    /// it can (the checks before a write make this rare: a writer elsewhere, a reference deferred).
    func refusedByDatabase(_ entity: Entity, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            let message = error.message ?? ""
            // "CHECK constraint failed: year BETWEEN ...", "UNIQUE constraint failed: t.a, t.b",
            // "NOT NULL constraint failed: t.a": the first field whose column it names.
            let field = entity.fields.first { f in
                message.range(of: "\\b\(entity.table)\\.\(f.column)\\b|: \(f.column)\\b", options: .regularExpression) != nil
            }
            throw RuleViolation(ValidationCode.refusedByDatabase.rawValue,
                                vi: "sổ không nhận dòng này của \(entity.name)" + (field.map { ": \($0.label.vi) không hợp lệ" } ?? ""),
                                en: "the register refused this row of \(entity.name)" + (field.map { ": \($0.label.en) is not valid" } ?? ""),
                                argument: field?.name,
                                helpVi: "ràng buộc: \(message)", helpEn: "constraint: \(message)")
        }
    }
}
