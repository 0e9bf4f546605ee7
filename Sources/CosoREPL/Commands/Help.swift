import CosoCore
import CosoScript

/// Help text, built from the catalogue so it cannot drift from what the modules declare.
public enum Help {
    public static func text(topic: String, catalog: Catalog, language: Language) -> String {
        let vi = language == .vi
        if topic.isEmpty { return overview(catalog, language) }
        if let c = catalog.commands[topic] ?? catalog.command(matching: topic.split(separator: " ").map(String.init)) {
            return command(c, catalog: catalog, language: language)
        }
        if topic == "check" { return schema(topic, catalog: catalog, language: language) + "\n" + checks(catalog, language) }
        if topic == "targets" || topic == "target" { return ReportHelp.targets(catalog, language) }
        if topic == "stats" || topic == "report" { return ReportHelp.statistics(catalog, language) }
        if catalog.entity(topic) != nil { return schema(topic, catalog: catalog, language: language) }
        if let e = catalog.enumType(topic) { return enumeration(e, language) }
        if let (entity, c) = catalog.entityNames.lazy.compactMap({ catalog.entity($0) })
            .flatMap({ e in e.conditions.map { (e, $0) } }).first(where: { $0.1.name == topic }) {
            return "\(c.name) (\(c.label.text(language))): \(c.help.text(language))\n"
                + (vi ? "Ví dụ:\n" : "Examples:\n") + "  \(entity.name) | where \(c.name) | count\n  \(entity.name) | where \(c.name)(@2024-12-31) | count\n"
        }
        if topic == "language" || topic == "ngon-ngu" { return languageHelp(language) }
        if topic == "update" || topic == "void" || topic == "corrections" || topic == "sua" { return corrections(catalog, language) }
        if let word = WordHelp.text(topic, language) { return word }
        if topic == "errors" || topic == "loi" { return DiagnosticHelp.list(catalog, language) }
        if let code = DiagnosticHelp.code(topic) {
            return DiagnosticHelp.explain(code, catalog, language) ?? (vi ? "Không có mã lỗi \(code). Xem .help errors.\n" : "No error code \(code). See .help errors.\n")
        }
        let conditions = catalog.entityNames.compactMap { catalog.entity($0) }.flatMap { $0.conditions.map(\.name) }
        let candidates = catalog.entityNames + catalog.commandNames + ["language", "targets", "stats", "report", "errors"]
            + WordHelp.entries.map(\.word) + WordHelp.shared.keys.sorted() + Array(catalog.enums.keys).sorted() + conditions
        let s = Suggest.closest(to: topic, in: candidates)
        return (vi ? "Không có mục trợ giúp '\(topic)'." : "No help topic '\(topic)'.")
            + (s.map { vi ? " Có phải ý bạn là '\($0)'?" : " Did you mean '\($0)'?" } ?? "") + "\n"
    }

    /// An enum's cases: the identifier, the label, and the other names it answers to.
    static func enumeration(_ e: EnumType, _ language: Language) -> String {
        let vi = language == .vi
        let width = e.cases.map(\.id.count).max() ?? 0
        var out = "\(e.id): \(e.label.text(language))\n"
        out += vi ? "  (viết trần, như \(e.cases[0].id), hoặc theo tên trong ngoặc kép, như \"\(e.cases[0].label.vi)\")\n"
                  : "  (written bare, as \(e.cases[0].id), or by name in quotes, as \"\(e.cases[0].label.vi)\")\n"
        for c in e.cases {
            out += "  \(c.id.padding(toLength: width, withPad: " ", startingAt: 0))  \(c.label.text(language))"
            if !c.aliases.isEmpty { out += (vi ? "  (cũng gọi: " : "  (also: ") + c.aliases.joined(separator: ", ") + ")" }
            out += "\n"
        }
        return out
    }

    static func overview(_ catalog: Catalog, _ language: Language) -> String {
        let vi = language == .vi
        var out = vi ? "Bảng dữ liệu (gõ .schema TÊN để xem các trường):\n" : "Entities (type .schema NAME for their fields):\n"
        let width = max(16, (catalog.entityNames + catalog.commandNames).map(\.count).max() ?? 0)
        for name in catalog.entityNames {
            out += "  \(name.padding(toLength: width, withPad: " ", startingAt: 0)) \(catalog.entity(name)!.label.text(language))\n"
        }
        out += vi ? "\nLệnh (gõ .help LỆNH để xem cách dùng và ví dụ):\n" : "\nCommands (type .help COMMAND for usage and examples):\n"
        for name in catalog.commandNames {
            out += "  \(name.padding(toLength: width, withPad: " ", startingAt: 0)) \(catalog.commands[name]!.summary.text(language))\n"
        }
        out += vi ? """

            Truy vấn: BẢNG | where ĐIỀU_KIỆN | select TRƯỜNG, ... | sort -TRƯỜNG | take N | count
              orgs | where kind == village_cell and not has_committee | select name, parent.name
              members | where name =~ "nguyen van an"        (=~ không phân biệt hoa thường, dấu; đ = d)
            Chỉ tiêu và thống kê: targets [NĂM] [asof NGÀY] [for "TỔ CHỨC"], target T10 | detail, stats theory
            Lệnh chấm: .schema .mode table|csv|json|markdown|line .timer .dryrun on|off .pager on|off .read TỆP .once TỆP .backup TỆP .sql .lang en .quit
            Xem thêm: .help language, .help update (sửa, hủy dữ liệu nhập sai), .help targets, .help stats, .help errors (mã lỗi), .help E1105

            """ : """

            Queries: ENTITY | where CONDITION | select FIELD, ... | sort -FIELD | take N | count
              orgs | where kind == village_cell and not has_committee | select name, parent.name
              members | where name =~ "nguyen van an"        (=~ ignores case and diacritics; đ = d)
            Targets and statistics: targets [YEAR] [asof DATE] [for "ORG"], target T10 | detail, stats theory
            Dot commands: .schema .mode table|csv|json|markdown|line .timer .dryrun on|off .pager on|off .read FILE .once FILE .backup FILE .sql .lang vi .quit
            See also: .help language, .help update (corrections), .help targets, .help stats, .help errors (error codes), .help E1105

            """
        return out
    }

    /// `update` and `void`, with the fields that follow from events and the commands that change them.
    static func corrections(_ catalog: Catalog, _ language: Language) -> String {
        let vi = language == .vi
        var out = vi ? """
            Sửa dữ liệu nhập sai (mọi thay đổi được ghi vào nhật ký cùng giá trị trước, sau và lý do):
              BẢNG | where ... | update TRƯỜNG: GIÁ_TRỊ ... reason: "LÝ DO"
                  members | where id == 12 | update national_id: "079080001234" reason: "sai số CCCD"
              BẢNG | where ... | void reason: "LÝ DO"      hủy các dòng ghi nhầm (vẫn giữ trong nhật ký)
                  member_events | where member == 12 and kind == confirmed | void reason: "chưa họp xét"
            Giá trị mới được kiểm tra như mọi lần ghi; những gì suy ra từ dòng bị sửa được tính lại (hủy quyết
            định công nhận chính thức: đảng viên trở lại dự bị). Câu lệnh khớp nhiều dòng thì liệt kê và hỏi trước;
            .dryrun on để chạy thử không ghi.
            Các trường theo sự kiện, không sửa trực tiếp (dùng lệnh ghi sự kiện):

            """ : """
            Correcting what was entered wrong (every change is in the audit trail, before, after and the reason):
              ENTITY | where ... | update FIELD: VALUE ... reason: "REASON"
                  members | where id == 12 | update national_id: "079080001234" reason: "wrong national ID"
              ENTITY | where ... | void reason: "REASON"   removes rows entered by mistake (kept in the audit trail)
                  member_events | where member == 12 and kind == confirmed | void reason: "no meeting yet"
            New values are checked as every write is; what follows from the rows is recomputed (a confirmation
            voided: the member is probationary again). A statement matching several rows lists them and asks
            first; .dryrun on runs without writing.
            Fields that follow from events, not corrected directly (use the command that records the event):

            """
        for name in catalog.entityNames {
            guard let e = catalog.entity(name) else { continue }
            for f in e.fields where !f.changedBy.isEmpty {
                out += "  \(e.name).\(f.name)  → \(f.changedBy.joined(separator: ", "))\n"
            }
        }
        return out
    }

    /// The legend of `check`: each code, how serious, what is wrong and what to do.
    static func checks(_ catalog: Catalog, _ language: Language) -> String {
        let vi = language == .vi
        var out = vi ? """
            Các lỗi dữ liệu `check` tìm (mức: sai / cần xem). Thời hạn tính đến hôm nay, hoặc đến ngày của asof.
              check | summarize n: count() by code, problem
              check | where code == "D101" | save "can-bo-sung-cccd.csv"

            """ : """
            The problems `check` finds (error / warning). Deadlines are judged today, or at the asof date.
              check | summarize n: count() by code, problem
              check | where code == "D101" | save "missing-national-ids.csv"

            """
        for c in catalog.checks {
            let severity = c.severity == .error ? (vi ? "sai" : "error") : (vi ? "cần xem" : "warning")
            out += "  \(c.code)  \(severity.padding(toLength: 8, withPad: " ", startingAt: 0)) \(c.problem.text(language))\n"
            out += "        → \(c.fix.text(language))\n"
        }
        return out
    }

    static func command(_ c: Command, catalog: Catalog, language: Language) -> String {
        let vi = language == .vi
        var out = "\(c.signature)\n  \(c.summary.text(language))\n"
        let params = c.positional + c.labelled
        if !params.isEmpty {
            out += vi ? "\nTham số:\n" : "\nParameters:\n"
            for p in params {
                var line = "  \(p.name)\(c.labelled.contains(p) ? ":" : "")  \(p.label.text(language))"
                if !p.required { line += vi ? " (không bắt buộc)" : " (optional)" }
                if case .enumeration(let id) = p.type, let e = catalog.enumType(id) {
                    // Each case as typed and as staff read it; a long list is its own topic.
                    line += e.cases.count > 12 ? (vi ? "\n      giá trị: .help \(e.id)" : "\n      values: .help \(e.id)")
                        : "\n      " + e.cases.map { "\($0.id) (\($0.label.text(language)))" }.joined(separator: " | ")
                }
                out += line + "\n"
            }
        }
        if !c.examples.isEmpty {
            out += vi ? "\nVí dụ:\n" : "\nExamples:\n"
            for e in c.examples { out += "  \(e.source)\n    → \(e.expected)\n" }
        }
        return out
    }

    public static func schema(_ name: String, catalog: Catalog, language: Language) -> String {
        let vi = language == .vi
        if name.isEmpty {
            return catalog.entityNames.map { schema($0, catalog: catalog, language: language) }.joined(separator: "\n")
        }
        guard let e = catalog.entity(name) else {
            let s = Suggest.closest(to: name, in: catalog.entityNames)
            return (vi ? "Không có bảng '\(name)'." : "No entity '\(name)'.")
                + (s.map { vi ? " Có phải ý bạn là '\($0)'?" : " Did you mean '\($0)'?" } ?? "") + "\n"
        }
        var out = "\(e.name): \(e.label.text(language))\n"
        if let about = e.about { out += "  " + about.text(language) + "\n" }
        let width = e.fields.map(\.name.count).max() ?? 0
        for f in e.fields {
            var type: String
            switch f.type {
            case .int: type = "int"
            case .decimal: type = "decimal"
            case .text: type = "text"
            case .date: type = "date"
            case .bool: type = "bool"
            case .enumeration(let id): type = id
            case .reference(let t): type = "→ \(t)"
            }
            var flags: [String] = []
            if f.required { flags.append(vi ? "bắt buộc" : "required") }
            if f.searchable { flags.append(vi ? "tìm bằng =~" : "searchable with =~") }
            if f.personal { flags.append(vi ? "dữ liệu cá nhân" : "personal data") }
            if f.unique { flags.append(vi ? "không trùng" : "unique") }
            flags += f.constraints.map { FieldHelp.constraint($0, language) }
            if f.multiline { flags.append(vi ? "nhiều dòng" : "several lines") }
            if let value = f.defaultValue { flags.append((vi ? "mặc định " : "default ") + value.description) }
            out += "  \(f.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(type.padding(toLength: 18, withPad: " ", startingAt: 0)) \(f.label.text(language))"
                + (flags.isEmpty ? "" : "  [" + flags.joined(separator: ", ") + "]") + "\n"
            if let help = f.help { out += String(repeating: " ", count: width + 23) + help.text(language) + "\n" }
        }
        let rules = e.constraints.map { FieldHelp.rule($0, e, language) }
        if !rules.isEmpty { out += (vi ? "  Quy tắc: " : "  Rules: ") + rules.joined(separator: "; ") + "\n" }
        for c in e.conditions {
            out += (vi ? "  Điều kiện: " : "  Condition: ") + "\(c.name) (\(c.label.text(language))): \(c.help.text(language))\n"
                + (vi ? "    \(e.name) | where \(c.name) | count;  \(c.name)(@2024-12-31) vào một ngày; qua tham chiếu: member.\(c.name)\n"
                      : "    \(e.name) | where \(c.name) | count;  \(c.name)(@2024-12-31) at a date; through a reference: member.\(c.name)\n")
        }
        let enums = e.fields.compactMap { f -> String? in if case .enumeration(let id) = f.type { return id } else { return nil } }
        if !enums.isEmpty { out += (vi ? "  Giá trị của danh mục: " : "  Enum values: ") + enums.map { ".help \($0)" }.joined(separator: ", ") + "\n" }
        return out
    }

    static func languageHelp(_ language: Language) -> String {
        language == .vi ? """
            Ngôn ngữ truy vấn coso
              Nguồn: tên bảng (orgs, members, audit, ...). Các bước nối bằng |:
                where ĐK         lọc dòng; so sánh == != < <= > >=, and/or/not, in [..], == null, =~ "chữ"
                select a, b: bt  chọn cột; đường dẫn qua tham chiếu: org.parent.name
                sort a, -b       sắp xếp (dấu - là giảm dần; giá trị rỗng luôn ở cuối)
                take N, skip N, first, distinct, count
                                 take, skip, first không có sort trước: theo thứ tự tự nhiên (mã; nhóm theo khóa):
                                 cùng kết quả ở mọi lần chạy
                summarize n: count(), a: avg(x) by khóa     gộp nhóm (count, sum, avg, min, max, count_distinct)
                save "tệp.xlsx"  lưu kết quả (.xlsx, .csv, .json, .md, .txt); .xlsx, .md, .txt ghi nhãn tiếng Việt,
                                 ngày dd/mm/yyyy; .csv, .json giữ mã (village_cell) và ngày ISO cho máy đọc
              Giá trị: số, "chuỗi", ngày @2024-05-19, [danh sách], true/false/null,
                giá trị liệt kê viết trần (village_cell) hoặc theo nhãn tiếng Việt ("trung cấp").
              Hàm: today(), year(ngày), age(ngày), band(x, [30, 40]), starts_with(tên, "chữ"), full(tên),
                count(BẢNG) đếm dòng tham chiếu tới; trong summarize: count(ĐK) đếm dòng thỏa điều kiện
              Giá trị theo điều kiện: if ĐK then A else B;  đảng viên đang sinh hoạt: members | where on_roll
              Tên trùng: org == "Chi bộ thôn 1 (xã Gia Hiệp)" (tên kèm cấp trên) hoặc mã; sort name xếp người theo tên
              Kịch bản: let n = ... ($n), def tên(a) = ..., use "tệp.coso", for x in [..] { }, if đk { } else { },
                begin / commit / rollback, tham số: coso run TỆP --set nam=2024 ($nam)
              Lệnh: admit, confirm, transfer, exempt, remove, org add, org move, org dissolve (.help LỆNH)

            """ : """
            The coso query language
              Source: an entity (orgs, members, audit, ...). Stages joined with |:
                where COND       filter; == != < <= > >=, and/or/not, in [..], == null, =~ "text"
                select a, b: e   choose columns; paths through references: org.parent.name
                sort a, -b       order (- for descending; nulls always last)
                take N, skip N, first, distinct, count
                                 take, skip, first without a sort before them: in the natural order (by id; groups by
                                 their keys): the same rows on every run
                summarize n: count(), a: avg(x) by key      groups (count, sum, avg, min, max, count_distinct)
                save "file.xlsx" writes the rows (.xlsx, .csv, .json, .md, .txt); .xlsx, .md, .txt with labels and
                                 typed dates; .csv and .json keep identifiers (village_cell) and ISO dates, for programs
              Values: numbers, "strings", dates @2024-05-19, [lists], true/false/null,
                enum cases as bare words (village_cell) or by Vietnamese label ("trung cấp").
              Functions: today(), year(date), age(date), band(x, [30, 40]), starts_with(name, "text"), full(name),
                count(ENTITY) rows referring here; inside summarize: count(COND) rows meeting a condition
              Values by condition: if COND then A else B;  members on the roll: members | where on_roll
              Shared names: org == "Chi bộ thôn 1 (xã Gia Hiệp)" (with the level above) or the id; sort name sorts people by given name
              Scripts: let n = ... ($n), def name(a) = ..., use "file.coso", for x in [..] { }, if cond { } else { },
                begin / commit / rollback, parameters: coso run FILE --set year=2024 ($year)
              Commands: admit, confirm, transfer, exempt, remove, org add, org move, org dissolve (.help COMMAND)

            """
    }
}
