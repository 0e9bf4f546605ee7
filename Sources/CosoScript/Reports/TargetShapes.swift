import CosoCore

/// The rows `targets` and `target CODE | detail` give, described as entities so that every stage
/// (and paths such as `org.parent.name`) works on them.
enum TargetShapes {
    /// The status enum is declared by the targets module; without it the status reads as text.
    static let statusEnum = "target_status"

    static func targets(_ catalog: Catalog) -> Entity {
        let status: FieldType = catalog.enumType(statusEnum) != nil ? .enumeration(statusEnum) : .text
        return Entity(name: "targets", label: Label(vi: "Chỉ tiêu", en: "Targets"), singular: Label(vi: "chỉ tiêu", en: "target"), fields: [
            Field("id", .int, vi: "Thứ tự", en: "Order", required: true, secret: true),
            Field("code", .text, vi: "Ký hiệu", en: "Code", required: true),
            english(Field("title", .text, vi: "Chỉ tiêu", en: "Target", required: true), "title_en"),
            Field("title_en", .text, vi: "Chỉ tiêu (tiếng Anh)", en: "Target (English)", secret: true),
            english(Field("wording", .text, vi: "Nguyên văn", en: "Wording", secret: true), "wording_en"),
            Field("wording_en", .text, vi: "Nguyên văn (tiếng Anh)", en: "Wording (English)", secret: true),
            Field("year", .int, vi: "Năm", en: "Year", required: true),
            Field("measured_on", .date, vi: "Tính đến ngày", en: "Measured on", required: true, secret: true),
            Field("numerator", .int, vi: "Tử số", en: "Numerator", secret: true),
            Field("denominator", .int, vi: "Mẫu số", en: "Denominator", secret: true),
            Field("value", .decimal, vi: "Giá trị", en: "Value", secret: true),
            Field("figure", .text, vi: "Kết quả", en: "Figure"),
            Field("target", .text, vi: "Mục tiêu", en: "Goal", required: true),
            Field("goal_value", .decimal, vi: "Mức mục tiêu", en: "Goal value", secret: true),
            english(Field("deadline", .text, vi: "Thời hạn", en: "Deadline", required: true), "deadline_en"),
            Field("deadline_en", .text, vi: "Thời hạn (tiếng Anh)", en: "Deadline (English)", secret: true),
            Field("status", status, vi: "Đánh giá", en: "Status", required: true),
            Field("previous", .decimal, vi: "Năm trước", en: "Previous year", secret: true),
            Field("change", .decimal, vi: "Thay đổi", en: "Change (number)", secret: true),
            Field("shift", .text, vi: "So với năm trước", en: "Change"),
            Field("source", .text, vi: "Nguồn", en: "Source", required: true, secret: true),
        ], displayField: "title", readOnly: true)
    }

    /// `target T10 | detail`: the organisations of the tree, each with its own figure.
    static func detail(_ catalog: Catalog) -> Entity {
        Entity(
        name: "target_detail", label: Label(vi: "Chi tiết chỉ tiêu theo tổ chức", en: "Target by organisation"),
        singular: Label(vi: "tổ chức", en: "organisation"), fields: [
            Field("id", .int, vi: "Mã", en: "ID", required: true, secret: true),
            Field("org", catalog.tree.map { .reference($0.name) } ?? .int, vi: "Tổ chức", en: "Organisation"),
            Field("numerator", .int, vi: "Tử số", en: "Numerator", required: true),
            Field("denominator", .int, vi: "Mẫu số", en: "Denominator"),
            Field("value", .decimal, vi: "Giá trị", en: "Value"),
            Field("shortfall", .int, vi: "Còn thiếu", en: "Short by", required: true),
        ], displayField: nil, readOnly: true)
    }

    private static func english(_ f: Field, _ twin: String) -> Field { f.english(twin) }
}
