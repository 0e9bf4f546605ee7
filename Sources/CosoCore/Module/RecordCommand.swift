/// A command that records one row of an entity from its arguments, for the many records that are
/// entered as they are (a meeting, a recognition, a bulletin): each parameter fills the field of
/// the same name, dates cannot lie in the future (but those in `future`: a term's end), references must exist, and `check` may refuse
/// with a rule before anything is written. The message names the entity and the new row's id.
public enum RecordCommand {
    public static func make(_ name: String, summary: Label, entity: String, positional: [Parameter] = [], labelled: [Parameter],
                            example: CommandExample, defaults: [String: Value] = [:], future: Set<String> = [],
                            check: @escaping @Sendable (CommandCall, WriteTransaction) throws -> Void = { _, _ in },
                            after: @escaping @Sendable (Int64, CommandCall, WriteTransaction) throws -> Void = { _, _, _ in }) -> Command {
        Command(name, summary: summary, positional: positional, labelled: labelled, examples: [example]) { call, tx in
            for p in positional + labelled {
                if case .date = p.type, !future.contains(p.name), let d = call.date(p.name) { try CommonChecks.notInFuture(d, call, argument: p.name) }
                if case .reference(let target) = p.type, let id = call.id(p.name), try tx.record(target, id: id) == nil {
                    throw RuleViolation("E0301", vi: "không có \(p.label.vi) mã \(id)", en: "no \(p.label.en) with id \(id)", argument: p.name)
                }
            }
            try check(call, tx)
            var values = defaults
            for (key, value) in call.arguments where value != .null { values[key] = value }
            let id = try tx.insert(entity, values)
            try after(id, call, tx)
            let e = tx.catalog.entity(entity)
            return Label(vi: "Đã ghi \(e?.singular.vi ?? entity) (mã \(id)).", en: "Recorded \(e?.singular.en ?? entity) (id \(id)).")
        }
    }
}
