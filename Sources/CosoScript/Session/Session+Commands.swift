import CosoCore
import Foundation

/// Running a module command in its write transaction, with references resolved by name.
extension Session {
    func runCommand(_ plan: CommandPlan, statementText: String) throws -> String {
        var agreed: [Int64]?
        if let input = plan.input, let entity = inputEntity(plan) {
            guard let rows = try askBeforeWriting(input, entity) else { return nothingWritten }
            agreed = rows
        }
        let origin = WriteOrigin(user: user, statement: statementText, source: self.origin, today: today)
        do {
            let text = try store.write(origin, dryRun: dryRun) { tx in
                let inputIDs = try plan.input.map { try tx.rowIDs($0.sql, $0.binds) }
                if let agreed, let inputIDs { try sameRows(agreed, inputIDs) }
                let arguments = try resolveReferences(plan, tx)
                let call = CommandCall(arguments: arguments, input: inputIDs, today: today,
                                       parameters: plan.command.positional + plan.command.labelled)
                var text = try plan.command.body(call, tx).text(language)
                // A write from a pipeline names every row it acted on (never a secret field).
                if let inputIDs, !inputIDs.isEmpty, tx.changeCount > 0, let entity = inputEntity(plan) {
                    text += try describe(entity, inputIDs, tx).map { "\n  - " + $0 }.joined()
                }
                return text
            }
            return dryRunPrefix + text
        } catch let v as RuleViolation {
            // The argument it names, or the one that fills the field it names.
            let argument = v.argument.flatMap { name in
                plan.spans[name] != nil ? name : (plan.command.positional + plan.command.labelled).first { $0.field == name }?.name
            }
            throw Diagnostic(v.code, v.message, span: plan.spans[argument ?? ""] ?? plan.spans[""], help: v.help)
        }
    }

    /// In the REPL (`confirmWrite` set), a write about to change several rows lists them and asks:
    /// nil when the user says no; else the rows it was agreed for (empty: nothing was asked).
    func askBeforeWriting(_ input: CompiledQuery, _ entity: Entity) throws -> [Int64]? {
        guard let confirmWrite else { return [] }
        var ids: [Int64] = []
        try store.query(input.sql, input.binds) { row in if let id = row.first?.intValue { ids.append(id) } }
        guard ids.count > 1 else { return [] }
        var lines: [String] = []
        try store.query(RowDescription(entity, catalog: catalog).sql, [RowDescription.argument(ids)]) { row in
            lines.append(RowDescription.line(row, language: language))
        }
        return confirmWrite(lines) ? ids : nil
    }

    /// The write acts on the rows the user agreed to, or not at all (another session may have
    /// written while the question waited).
    func sameRows(_ agreed: [Int64], _ now: [Int64]) throws {
        guard !agreed.isEmpty, Set(agreed) != Set(now) else { return }
        throw RuleViolation("E0606", vi: "các dòng khớp đã thay đổi từ lúc hỏi: không ghi gì", en: "the matching rows changed since the question: nothing was written",
                            helpVi: "chạy lại câu lệnh", helpEn: "run the statement again")
    }

    /// A line naming each row (name, place, id), in id order.
    func describe(_ entity: Entity, _ ids: [Int64], _ tx: WriteTransaction) throws -> [String] {
        try tx.rows(RowDescription(entity, catalog: catalog).sql, [RowDescription.argument(ids)]).map {
            RowDescription.line($0, language: language)
        }
    }

    var nothingWritten: String { language == .vi ? "Không ghi gì." : "Nothing was written." }
    var dryRunPrefix: String { dryRun ? (language == .vi ? "(chạy thử, không ghi gì) " : "(dry run, nothing written) ") : "" }

    /// The entity whose rows a command takes through its pipeline.
    func inputEntity(_ plan: CommandPlan) -> Entity? { plan.command.input.flatMap(catalog.entity) }

    /// Turns reference arguments given by name into row ids, refusing unknown or ambiguous names.
    func resolveReferences(_ plan: CommandPlan, _ tx: WriteTransaction) throws -> [String: Value] {
        var out = plan.arguments
        for p in plan.command.positional + plan.command.labelled {
            guard case .reference(let entityName) = p.type, let v = out[p.name], let entity = catalog.entity(entityName) else { continue }
            out[p.name] = try resolveReference(v, to: entity, argument: p.name, tx)
        }
        return out
    }

    /// A reference given by id (which must exist) or by display name (which must name one row).
    func resolveReference(_ v: Value, to entity: Entity, argument: String, _ tx: WriteTransaction) throws -> Value {
        switch v {
        case .int(let id):
            guard try tx.record(entity, id: id) != nil else {
                throw RuleViolation("E0301", vi: "không có \(entity.singular.vi) mã \(id)", en: "no \(entity.singular.en) with id \(id)",
                                    argument: argument)
            }
            return v
        case .text(let name):
            guard entity.displayField != nil else { return v }
            do {
                return .int(try nameLookup(tx).resolve(name, in: entity))
            } catch let p as NameLookup.Problem {
                throw RuleViolation(p.code, vi: p.message.vi, en: p.message.en, argument: argument, helpVi: p.help.vi, helpEn: p.help.en)
            }
        default:
            return v
        }
    }

    /// Names looked up inside a write, among the rows this session may see.
    func nameLookup(_ tx: WriteTransaction) -> NameLookup {
        var lookup = NameLookup(catalog: catalog) { sql, binds in try tx.rows(sql, binds) }
        if let rowFilter { lookup.restrict = { rowFilter.condition(for: $0, alias: $1) } }
        return lookup
    }

    func slice(_ text: String, _ span: SourceSpan) -> String {
        let bytes = Array(text.utf8)
        return String(decoding: bytes[min(span.start, bytes.count)..<min(span.end, bytes.count)], as: UTF8.self)
    }
}
