import CosoCore

/// `update` and `void`: corrections of rows entered wrong, checked as every write is (the
/// entity's declaration, then each module's rules on the result) and recorded in the audit trail
/// with the rows before and after and the reason given.
extension Session {
    func runCorrection(_ plan: CorrectionPlan, statementText: String) throws -> String {
        let entity = plan.entity
        guard let agreed = try askBeforeWriting(plan.input, entity) else { return nothingWritten }
        let origin = WriteOrigin(user: user, statement: statementText, source: self.origin, today: today, reason: plan.reason)
        let modules = store.registry.modules
        do {
            let text = try store.write(origin, dryRun: dryRun) { tx -> String in
                let ids = try tx.rowIDs(plan.input.sql, plan.input.binds)
                try sameRows(agreed, ids)
                guard !ids.isEmpty else {
                    return language == .vi ? "Không có dòng nào khớp: không sửa gì." : "No row matched: nothing was corrected."
                }
                var values: [Field: Value] = [:]
                for (name, value) in plan.values {
                    guard let field = entity.field(name) else { continue }
                    if case .reference(let target) = field.type, let targetEntity = catalog.entity(target), value != .null {
                        values[field] = try resolveReference(value, to: targetEntity, argument: name, tx)
                    } else {
                        values[field] = value
                    }
                }
                // A removed row is named as it was, a corrected one as it is now.
                var lines = plan.kind == .void ? try describe(entity, ids, tx) : []
                var before: [Record] = []
                for id in ids {
                    let record = try tx.require(entity, id: id)
                    before.append(record)
                    switch plan.kind {
                    case .update:
                        try tx.update(entity, id: id, values)
                    case .void:
                        for module in modules { try module.voiding(record, tx) }
                        try refuseIfReferenced(entity, id, tx)
                        try tx.delete(entity, id: id)
                    }
                }
                let kind: Correction.Kind = plan.kind == .update ? .update(Set(plan.values.keys)) : .void
                let correction = Correction(entity: entity, kind: kind, before: before)
                for module in modules { try module.corrected(correction, tx) }
                if plan.kind == .update { lines = try describe(entity, ids, tx) }
                let n = ids.count
                let fields = plan.values.keys.sorted().compactMap(entity.field)
                let head: String
                switch (plan.kind, language) {
                case (.update, .vi): head = "Đã sửa \(fields.map { $0.label.inSentence.vi }.joined(separator: ", ")) của \(n) \(entity.singular.vi) (lý do ghi trong nhật ký)."
                case (.update, .en): head = "Corrected \(fields.map { $0.label.inSentence.en }.joined(separator: ", ")) of \(n) \(entity.singular.en)(s) (the reason is in the audit trail)."
                case (.void, .vi): head = "Đã hủy \(n) \(entity.singular.vi) ghi nhầm (dòng cũ giữ trong nhật ký)."
                case (.void, .en): head = "Voided \(n) \(entity.singular.en)(s) entered by mistake (kept in the audit trail)."
                }
                return head + lines.map { "\n  - " + $0 }.joined()
            }
            return dryRunPrefix + text
        } catch let v as RuleViolation {
            throw Diagnostic(v.code, v.message, span: plan.spans[v.argument ?? ""] ?? plan.spans[""], help: v.help)
        }
    }

    /// A row other rows still refer to cannot go: they would point at nothing. Named, with what to do.
    func refuseIfReferenced(_ entity: Entity, _ id: Int64, _ tx: WriteTransaction) throws {
        for (other, field) in catalog.references(to: entity.name) where other.isStored {
            let n = try tx.scalar("SELECT count(*) FROM \(other.table) WHERE \(field.column) = ?", [.int(id)]).intValue ?? 0
            guard n > 0 else { continue }
            throw RuleViolation("E0244", vi: "còn \(n) dòng của \(other.name) (\(field.name)) trỏ tới \(entity.singular.vi) mã \(id): không hủy được",
                                en: "\(n) row(s) of \(other.name) (\(field.name)) still refer to \(entity.singular.en) \(id): it cannot be voided",
                                helpVi: "hủy hoặc sửa các dòng đó trước: \(other.name) | where \(field.name) == \(id)",
                                helpEn: "void or correct those rows first: \(other.name) | where \(field.name) == \(id)")
        }
    }
}
