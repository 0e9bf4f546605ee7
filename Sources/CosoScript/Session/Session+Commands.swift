import CosoCore
import Foundation

/// Running a module command in its write transaction, with references resolved by name.
extension Session {
    func runCommand(_ plan: CommandPlan, statementText: String) throws -> String {
        // A write from a pipeline that matches several rows, in the REPL: the rows are listed and
        // the user asked first; the write then acts on exactly those rows or not at all.
        var agreed: [Int64]?
        if let input = plan.input, let confirmWrite, let entity = inputEntity(plan) {
            var ids: [Int64] = []
            try store.query(input.sql, input.binds) { row in if let id = row.first?.intValue { ids.append(id) } }
            if ids.count > 1 {
                var lines: [String] = []
                try store.query(RowDescription(entity, catalog: catalog).sql, [RowDescription.argument(ids)]) { row in
                    lines.append(RowDescription.line(row, language: language))
                }
                guard confirmWrite(lines) else {
                    return language == .vi ? "Không ghi gì." : "Nothing was written."
                }
                agreed = ids
            }
        }
        let origin = WriteOrigin(user: user, statement: statementText, source: self.origin, today: today)
        do {
            let text = try store.write(origin, dryRun: dryRun) { tx in
                let inputIDs = try plan.input.map { try tx.rowIDs($0.sql, $0.binds) }
                if let agreed, let inputIDs, Set(agreed) != Set(inputIDs) {
                    throw RuleViolation("E0606", vi: "các dòng khớp đã thay đổi từ lúc hỏi: không ghi gì", en: "the matching rows changed since the question: nothing was written",
                                        helpVi: "chạy lại câu lệnh", helpEn: "run the statement again")
                }
                let arguments = try resolveReferences(plan, tx)
                let call = CommandCall(arguments: arguments, input: inputIDs, today: today,
                                       parameters: plan.command.positional + plan.command.labelled)
                var text = try plan.command.body(call, tx).text(language)
                // A write from a pipeline names every row it acted on (never a secret field).
                if let inputIDs, !inputIDs.isEmpty, tx.changeCount > 0, let entity = inputEntity(plan) {
                    for row in try tx.rows(RowDescription(entity, catalog: catalog).sql, [RowDescription.argument(inputIDs)]) {
                        text += "\n  - " + RowDescription.line(row, language: language)
                    }
                }
                return text
            }
            return dryRun ? (language == .vi ? "(chạy thử, không ghi gì) " : "(dry run, nothing written) ") + text : text
        } catch let v as RuleViolation {
            // The argument it names, or the one that fills the field it names.
            let argument = v.argument.flatMap { name in
                plan.spans[name] != nil ? name : (plan.command.positional + plan.command.labelled).first { $0.field == name }?.name
            }
            throw Diagnostic(v.code, v.message, span: plan.spans[argument ?? ""] ?? plan.spans[""], help: v.help)
        }
    }

    /// The entity whose rows a command takes through its pipeline.
    func inputEntity(_ plan: CommandPlan) -> Entity? { plan.command.input.flatMap(catalog.entity) }

    /// Turns reference arguments given by name into row ids, refusing unknown or ambiguous names.
    func resolveReferences(_ plan: CommandPlan, _ tx: WriteTransaction) throws -> [String: Value] {
        var out = plan.arguments
        for p in plan.command.positional + plan.command.labelled {
            guard case .reference(let entityName) = p.type, let v = out[p.name], let entity = catalog.entity(entityName) else { continue }
            switch v {
            case .int(let id):
                guard try tx.record(entity, id: id) != nil else {
                    throw RuleViolation("E0301", vi: "không có \(entity.singular.vi) mã \(id)", en: "no \(entity.singular.en) with id \(id)",
                                        argument: p.name)
                }
            case .text(let name):
                guard let display = entity.displayField.flatMap(entity.field) else { continue }
                let ids = try tx.ids(entity, where: display, equals: .text(name))
                if ids.isEmpty {
                    throw RuleViolation("E0301", vi: "không có \(entity.singular.vi) tên như vậy", en: "no \(entity.singular.en) has this name",
                                        argument: p.name,
                                        helpVi: "xem danh sách: \(entityName) | where name =~ \"...\"",
                                        helpEn: "look it up: \(entityName) | where name =~ \"...\"")
                }
                if ids.count > 1 {
                    throw RuleViolation("E0302", vi: "\(ids.count) \(entity.singular.vi) trùng tên này", en: "\(ids.count) \(entity.singular.en)s have this name",
                                        argument: p.name, helpVi: "dùng mã (id) thay cho tên", helpEn: "give the id instead of the name")
                }
                out[p.name] = .int(ids[0])
            default: continue
            }
        }
        return out
    }

    func slice(_ text: String, _ span: SourceSpan) -> String {
        let bytes = Array(text.utf8)
        return String(decoding: bytes[min(span.start, bytes.count)..<min(span.end, bytes.count)], as: UTF8.self)
    }
}
