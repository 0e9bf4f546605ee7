import CosoCore

/// A correction ready to run: `update` with its typed values, or `void`, over the rows of a
/// pipeline, with the reason staff gave.
public struct CorrectionPlan: Sendable {
    public enum Kind: Sendable { case update, void }
    public let kind: Kind
    public let entity: Entity
    /// The new values by field name (a reference given by name is resolved when it runs).
    public let values: [String: Value]
    public let reason: String
    /// Where each value was written (by field name), `reason`, and the stage under "".
    public let spans: [String: SourceSpan]
    /// The rows corrected.
    public let input: CompiledQuery
}

extension Planner {
    /// The two stages every entity takes for corrections.
    static let correctionWords: Set<String> = ["update", "void"]

    /// `ENTITY-PIPELINE | update FIELD: VALUE ... reason: "TEXT"` or `PIPELINE | void reason: "TEXT"`.
    func correctionPlan(_ call: Call, rows q: QueryBuilder) throws(Diagnostic) -> CorrectionPlan {
        let word = call.head.text
        let kind: CorrectionPlan.Kind = word == "update" ? .update : .void
        guard let entity = q.rootEntity, !q.hasSelect, let ids = q.idsQuery() else {
            throw Diagnostic("E0240", Label(vi: "\(word) cần các dòng của một bảng", en: "\(word) needs the rows of an entity"), span: call.head.span,
                             help: Label(vi: #"dạng: BẢNG | where id == 12 | \#(word) ... reason: "...""#,
                                         en: #"the form: ENTITY | where id == 12 | \#(word) ... reason: "...""#))
        }
        guard !entity.readOnly, !entity.appendOnly, entity.isStored else {
            throw Diagnostic("E0240", Label(vi: "bảng \(entity.name) không sửa, không xóa được", en: "\(entity.name) cannot be corrected or removed"),
                             span: call.head.span)
        }
        var values: [String: Value] = [:]
        var spans: [String: SourceSpan] = ["": call.head.span]
        var reason: String?
        for arg in call.arguments {
            guard let label = arg.label else {
                throw Diagnostic("E0241", Label(vi: "\(word) cần dạng TRƯỜNG: GIÁ_TRỊ", en: "\(word) takes FIELD: VALUE"), span: arg.span,
                                 help: Label(vi: #"ví dụ: update national_id: "012345678901" reason: "sai số CCCD""#,
                                             en: #"for example: update national_id: "012345678901" reason: "wrong national ID""#))
            }
            guard values[label.text] == nil, !(label.text == "reason" && reason != nil) else {
                throw Diagnostic("E0222", Label(vi: "\(label.text) được cho hai lần", en: "\(label.text) is given twice"), span: arg.span)
            }
            if label.text == "reason" {
                guard case .text(let text) = try constant(arg.value), !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw Diagnostic("E0243", Label(vi: "reason cần lý do trong dấu nháy", en: "reason needs the reason in quotes"), span: arg.value.span)
                }
                reason = text
                spans["reason"] = arg.value.span
                continue
            }
            guard kind == .update else {
                throw Diagnostic("E0241", Label(vi: "void chỉ nhận reason:", en: "void takes only reason:"), span: label.span)
            }
            guard let field = entity.field(label.text), field.name != "id" else {
                let names = entity.fields.map(\.name).filter { $0 != "id" }
                throw Diagnostic("E0241", Label(vi: "\(entity.name) không có trường '\(label.text)'", en: "\(entity.name) has no field '\(label.text)'"),
                                 span: label.span, help: Suggest.closest(to: label.text, in: names).map {
                                     Label(vi: "có phải ý bạn là '\($0):'?", en: "did you mean '\($0):'?") }
                                     ?? Label(vi: "xem các trường: .schema \(entity.name)", en: "see the fields: .schema \(entity.name)"))
            }
            guard field.changedBy.isEmpty else {
                let commands = field.changedBy.joined(separator: ", ")
                throw Diagnostic("E0242", Label(vi: "\(field.name) (\(field.label.vi)) theo các sự kiện đã ghi, không sửa trực tiếp được",
                                               en: "\(field.name) (\(field.label.en)) follows from recorded events and is not corrected directly"),
                                 span: label.span, help: Label(vi: "dùng lệnh: \(commands); sự kiện ghi nhầm thì void rồi ghi lại",
                                                               en: "use the command: \(commands); an event entered by mistake: void it and record it again"))
            }
            values[field.name] = try typed(arg.value, as: Parameter(field.name, field.parameterType, vi: field.label.vi, en: field.label.en,
                                                                     required: field.required))
            spans[field.name] = arg.value.span
        }
        guard let reason else {
            throw Diagnostic("E0243", Label(vi: "\(word) cần lý do: reason: \"...\"", en: "\(word) needs a reason: reason: \"...\""), span: call.span,
                             help: Label(vi: "lý do được ghi vào nhật ký cùng giá trị trước và sau", en: "the reason is recorded in the audit trail with the values before and after"))
        }
        if kind == .update, values.isEmpty {
            throw Diagnostic("E0241", Label(vi: "update cần ít nhất một trường: TRƯỜNG: GIÁ_TRỊ", en: "update needs at least one FIELD: VALUE"), span: call.span)
        }
        return CorrectionPlan(kind: kind, entity: entity, values: values, reason: reason, spans: spans, input: ids)
    }
}

extension Field {
    /// How a command parameter filling this field is typed (a decimal is written as text).
    var parameterType: ParameterType {
        switch type {
        case .int: return .int
        case .decimal, .text: return .text
        case .date: return .date
        case .bool: return .bool
        case .enumeration(let id): return .enumeration(id)
        case .reference(let target): return .reference(target)
        }
    }
}
