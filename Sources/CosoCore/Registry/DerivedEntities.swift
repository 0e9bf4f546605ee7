/// Entities the registry derives from every module's declarations rather than from a table:
/// `check` (the union of all data checks, made at a date) and `rules` (every rule with its source
/// and period). Both are read-only and read through a `DatedSource`, so `check asof @2022-12-22`
/// and `rules asof @2024-06-01` work like any other source.
enum DerivedEntities {
    static let severity = EnumType(id: "check_severity", label: Label(vi: "Mức độ", en: "Severity"), cases: [
        .init("error", vi: "sai", en: "error"),
        .init("warning", vi: "cần xem", en: "warning"),
    ])

    /// `tree`: the organisation tree's entity, which each problem's organisation refers to.
    static func check(_ checks: [DataCheck], tree: String?) -> Entity {
        Entity(
            name: "check", label: Label(vi: "Kiểm tra dữ liệu", en: "Data check"),
            singular: Label(vi: "lỗi dữ liệu", en: "data problem"), fields: [
                Field("code", .text, vi: "Mã lỗi", en: "Code", required: true),
                Field("severity", .enumeration("check_severity"), vi: "Mức độ", en: "Severity", required: true),
                Field("problem", .text, vi: "Vấn đề", en: "Problem", required: true).english("problem_en"),
                Field("problem_en", .text, vi: "Vấn đề (tiếng Anh)", en: "Problem (English)", required: true, secret: true),
                Field("entity", .text, vi: "Bảng", en: "Entity", required: true),
                Field("row_id", .int, vi: "Mã dòng", en: "Row ID", required: true),
                Field("subject", .text, vi: "Đối tượng", en: "Subject", personal: true),
                Field("org", tree.map { .reference($0) } ?? .int, vi: "Tổ chức", en: "Organisation"),
                Field("detail", .text, vi: "Chi tiết", en: "Detail"),
            ], displayField: nil, readOnly: true,
            dated: DatedSource(always: true) { checkSQL(checks) })
    }

    private static func checkSQL(_ checks: [DataCheck]) -> String {
        // The id is the check's position and the row's id, not a window function: SQLite pushes a
        // filter on `code` into each branch of the union only when there is none.
        let parts = checks.enumerated().map { i, c in
            "SELECT \(i + 1) * 10000000000 + x.row_id AS id, \(quote(c.code)) AS code, \(quote(c.severity.rawValue)) AS severity, \(quote(c.problem.vi)) AS problem, "
                + "\(quote(c.problem.en)) AS problem_en, \(quote(c.entity)) AS entity, x.row_id AS row_id, "
                + "x.subject AS subject, x.org_id AS org_id, x.detail AS detail FROM (\(c.sql)) AS x"
        }
        let union = parts.isEmpty
            ? "SELECT NULL AS id, NULL AS code, NULL AS severity, NULL AS problem, NULL AS problem_en, NULL AS entity, NULL AS row_id, NULL AS subject, NULL AS org_id, NULL AS detail WHERE 0"
            : parts.joined(separator: " UNION ALL ")
        return union
    }

    /// `rules`: each module's id with its rules.
    static func rules(_ modules: [(id: String, rules: [RuleDefinition])]) -> Entity {
        Entity(
            name: "rules", label: Label(vi: "Quy định áp dụng", en: "Rules"),
            singular: Label(vi: "quy định", en: "rule"), fields: [
                Field("code", .text, vi: "Mã", en: "Code", required: true),
                Field("rule", .text, vi: "Quy định", en: "Rule", required: true).english("rule_en"),
                Field("rule_en", .text, vi: "Quy định (tiếng Anh)", en: "Rule (English)", required: true, secret: true),
                Field("source", .text, vi: "Nguồn", en: "Source", required: true),
                Field("valid_from", .date, vi: "Hiệu lực từ", en: "In force from"),
                Field("valid_until", .date, vi: "Hiệu lực đến", en: "In force until"),
                Field("in_force", .bool, vi: "Đang áp dụng", en: "In force", required: true),
                Field("verified", .bool, vi: "Đã đối chiếu nguồn", en: "Verified", required: true),
                Field("module", .text, vi: "Mô-đun", en: "Module", required: true),
                Field("defaults", .text, vi: "Giá trị cấu hình mặc định (đổi bằng setting)", en: "Configurable defaults (change with setting)"),
            ], displayField: nil, readOnly: true, dated: DatedSource(always: true) { rulesSQL(modules) })
    }

    private static func rulesSQL(_ modules: [(id: String, rules: [RuleDefinition])]) -> String {
        let rows = modules.flatMap { m in
            m.rules.map { r in
                "(\(quote(r.code)), \(quote(r.text.vi)), \(quote(r.text.en)), \(quote(r.source)), "
                    + "\(r.from.map { quote($0.iso) } ?? "NULL"), \(r.until.map { quote($0.iso) } ?? "NULL"), "
                    + "\(r.verified ? 1 : 0), \(quote(m.id)), "
                    + "\(quote(r.settings.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" }.joined(separator: "; "))))"
            }
        }
        let values = rows.isEmpty
            ? "SELECT NULL AS column1, NULL AS column2, NULL AS column3, NULL AS column4, NULL AS column5, NULL AS column6, NULL AS column7, NULL AS column8, NULL AS column9 WHERE 0"
            : "VALUES " + rows.joined(separator: ", ")
        // `in_force` compares with the date twice: the two `?`.
        return """
            SELECT row_number() OVER () AS id, column1 AS code, column2 AS rule, column3 AS rule_en, column4 AS source, \
            column5 AS valid_from, column6 AS valid_until, \
            (column5 IS NULL OR column5 <= ?) AND (column6 IS NULL OR ? <= column6) AS in_force, \
            column7 AS verified, column8 AS module, column9 AS defaults FROM (\(values))
            """
    }

    /// A catalogue constant as an SQL string literal. (Byte by byte: this runs at every start.)
    private static func quote(_ text: String) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "'")]
        bytes.reserveCapacity(text.utf8.count + 8)
        for b in text.utf8 {
            bytes.append(b)
            if b == UInt8(ascii: "'") { bytes.append(b) }
        }
        bytes.append(UInt8(ascii: "'"))
        return String(decoding: bytes, as: UTF8.self)
    }
}
