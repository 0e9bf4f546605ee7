import Foundation
import CosoCore

/// `target add` and `target remove`: the targets staff set themselves, measured by `targets` like
/// the plan's own. Their queries are checked by the planner before anything is written.
enum TargetCommands {
    static let add = Command(
        "target add", summary: Label(vi: "Thêm một chỉ tiêu tự đặt (tử số, mẫu số là truy vấn)", en: "Add a custom target (numerator and denominator as queries)"),
        positional: [Parameter("code", .text, vi: "mã chỉ tiêu", en: "target code")],
        labelled: [Parameter("title", .text, vi: "tên chỉ tiêu", en: "title"),
                   Parameter("counted", .pipeline, vi: "truy vấn tử số", en: "numerator query"),
                   Parameter("of", .pipeline, vi: "truy vấn mẫu số (bỏ trống: chỉ đếm)", en: "denominator query (none: a plain count)", required: false),
                   Parameter("goal", .enumeration("target_goal"), vi: "cách so", en: "goal"),
                   Parameter("value", .int, vi: "mức (phần trăm, hoặc số khi không có mẫu số)", en: "value (percent, or a count without denominator)", required: false),
                   Parameter("upto", .int, vi: "mức trên (với between)", en: "upper value (for between)", required: false),
                   Parameter("deadline", .text, vi: "thời hạn", en: "deadline", required: false),
                   Parameter("by", .text, vi: "đường dẫn tới tổ chức chịu trách nhiệm, cho detail (như org, parent)",
                             en: "path to the answering organisation, for detail (such as org, parent)", required: false)],
        examples: [CommandExample(
            setup: [#"org add "Chi bộ thôn 5" kind: village_cell"#],
            #"target add X1 title: "Chi bộ thôn có chi ủy" counted: "orgs | where kind == village_cell and has_committee" of: "orgs | where kind == village_cell" goal: more_than value: 65 deadline: "2030" by: "parent""#,
            expected: "Đã thêm chỉ tiêu X1.")]
    ) { call, tx in
        guard let code = call.text("code"), code.range(of: #"^[A-Za-z][A-Za-z0-9_]*$"#, options: .regularExpression) != nil else {
            throw RuleViolation("E1401", vi: "mã chỉ tiêu gồm chữ và số, bắt đầu bằng chữ (như X1)", en: "a target code is letters and digits, starting with a letter (such as X1)",
                                argument: "code")
        }
        let taken = try !tx.ids(CustomTargets.entity, where: CustomTargets.code, equals: .text(code)).isEmpty
        if taken || PlanTargets.all.contains(where: { $0.code.lowercased() == code.lowercased() }) {
            throw RuleViolation("E1402", vi: "đã có chỉ tiêu \(code)", en: "target \(code) already exists", argument: "code",
                                helpVi: "chọn mã khác, hoặc target remove \(code) trước", helpEn: "choose another code, or target remove \(code) first")
        }
        let goal = call.text("goal") ?? ""
        let value = call.id("value").map { Value.double(Double($0)) } ?? .null
        let upto = call.id("upto").map { Value.double(Double($0)) } ?? .null
        if ["at_least", "more_than", "between", "at_most"].contains(goal), value == .null {
            throw RuleViolation("E1403", vi: "cách so \(goal) cần value:", en: "goal \(goal) needs value:", argument: "goal")
        }
        if goal == "between", upto == .null {
            throw RuleViolation("E1403", vi: "between cần cả upto:", en: "between needs upto: too", argument: "goal")
        }
        let (lo, hi): (Value, Value) = goal == "at_most" ? (.null, value) : (value, upto)
        _ = try tx.insert(CustomTargets.entity, [
            CustomTargets.code: .text(code), CustomTargets.title: call["title"], CustomTargets.counted: call["counted"],
            CustomTargets.base: call["of"], CustomTargets.goal: .text(goal), CustomTargets.lo: lo, CustomTargets.hi: hi,
            CustomTargets.deadline: call["deadline"], CustomTargets.orgPath: call["by"],
        ])
        return Label(vi: "Đã thêm chỉ tiêu \(code).", en: "Added target \(code).")
    }

    static let remove = Command(
        "target remove", summary: Label(vi: "Bỏ một chỉ tiêu tự đặt", en: "Remove a custom target"),
        positional: [Parameter("code", .text, vi: "mã chỉ tiêu", en: "target code")],
        examples: [CommandExample(
            setup: [#"target add X1 title: "Số chi bộ thôn" counted: "orgs | where kind == village_cell" goal: at_least value: 1"#],
            "target remove X1", expected: "Đã bỏ chỉ tiêu X1.")]
    ) { call, tx in
        let code = call.text("code") ?? ""
        guard let id = try tx.ids(CustomTargets.entity, where: CustomTargets.code, equals: .text(code)).first else {
            throw RuleViolation("E1404", vi: "không có chỉ tiêu tự đặt \(code)", en: "no custom target \(code)", argument: "code",
                                helpVi: "chỉ bỏ được chỉ tiêu thêm bằng target add", helpEn: "only targets added with target add can be removed")
        }
        try tx.delete(CustomTargets.entity, id: id)
        return Label(vi: "Đã bỏ chỉ tiêu \(code).", en: "Removed target \(code).")
    }
}
