import CosoCore
import Foundation

/// One user's working session: the store, who they are, their language and date. `run(source)` is
/// the one entry point that the REPL, `-c`, stdin and `.coso` scripts share.
public final class Session: @unchecked Sendable {
    // @unchecked: a session is used by one thread at a time (the REPL loop or a script run); only
    // `interrupt()` is called from another thread, and it touches nothing but the store's pool.
    public let store: Store
    public var user: String
    public var language: Language
    public var today: LocalDate
    /// `repl`, `-c`, `stdin`, `script:FILE`: recorded in the audit trail.
    public var origin: String
    /// Values bound by `let` or `--set`, used as `$name`.
    public var variables: [String: Value] = [:]
    /// Pipelines bound by `let name = orgs | where ...`, used as sources (`name | count`).
    public private(set) var pipelines: [String: Pipeline] = [:]
    /// Queries defined by `def name(params) = pipeline`, called as `name(args) | ...`.
    public private(set) var definitions: [String: (parameters: [Name], body: Pipeline)] = [:]
    /// Scripts being run by `use`, innermost last (to refuse a script that uses itself).
    private var using: [String] = []
    /// Opens a sink writing to a file, in the format its extension names (set by whoever owns the
    /// renderers: the REPL and the CLI). `save "FILE"` refuses to run without it.
    public var openFile: ((String) throws -> any ResultSink)?
    /// Runs a dot command met in a script (`.mode csv`, `.sql ...`); set by the REPL and the CLI.
    public var dotCommands: ((String) -> Void)?

    public init(store: Store, user: String, language: Language = .vi, today: LocalDate = .today(), origin: String = "repl") {
        self.store = store; self.user = user; self.language = language; self.today = today; self.origin = origin
    }

    public var catalog: Catalog { store.catalog }
    /// Restricts what every query of this session reads (access control plugs in here).
    public var rowFilter: (any RowFilter)?
    var planner: Planner { Planner(catalog: catalog, today: today, variables: variables, rowFilter: rowFilter) }

    /// Parses and runs every statement of `source`, stopping at the first error. Each command runs
    /// in its own transaction, with its audit entry.
    public func run(_ source: SourceFile, sink: any ResultSink) throws(SourceError) {
        let statements: [Statement]
        let (parsed, problems) = Parser.parseRecovering(source.text)
        // A script with a syntax error anywhere runs no statement at all; all of them are shown.
        if let first = problems.first { throw SourceError(first, in: source, others: Array(problems.dropFirst())) }
        statements = parsed
        for statement in statements {
            do {
                try execute(statement, source: source, sink: sink)
            } catch let e as Diagnostic {
                throw SourceError(e, in: source)
            } catch let e as SourceError {
                throw e
            } catch StoreError.interrupted {
                throw SourceError(Diagnostic("E0601", Label(vi: "đã dừng (Ctrl-C)", en: "interrupted (Ctrl-C)"),
                                             span: statement.span), in: source)
            } catch {
                throw SourceError(Diagnostic("E0700", Label(vi: "lỗi nội bộ: \(error)", en: "internal error: \(error)"),
                                             span: statement.span), in: source)
            }
        }
    }

    public func run(_ text: String, name: String = "<input>", sink: any ResultSink) throws(SourceError) {
        try run(SourceFile(name: name, text: text), sink: sink)
    }

    /// The plan of each statement, for `.sql`.
    public func explain(_ source: SourceFile) throws(SourceError) -> String {
        do {
            return try Parser.parse(source.text).map { statement throws(Diagnostic) -> String in
                var statement = statement
                if case .let(_, let value, _) = statement { statement = value }
                switch statement {
                case .expression(let e):
                    return try compileExpression(e).sql
                case .pipeline(let p):
                    switch try planner.plan(try expand(p)) {
                    case .query(let q): return q.explanation
                    case .command(let c):
                        var text = "-- command \(c.command.name): " + c.arguments.keys.sorted().joined(separator: ", ")
                        if let input = c.input { text += "\n-- input rows:\n" + input.explanation }
                        return text
                    }
                case .let, .transaction, .dot, .def, .use, .for, .if: return ""
                }
            }.joined(separator: "\n")
        } catch { throw SourceError(error, in: source) }
    }

    /// Replaces a named pipeline at the head of `p` by its stages (`villages | count` becomes
    /// `orgs | where kind == village_cell | count`), so paths and folded columns stay in reach.
    func expand(_ p: Pipeline) throws(Diagnostic) -> Pipeline {
        guard case .call(let head) = p.elements[0] else { return p }
        if let def = definitions[head.head.text] {
            guard head.arguments.count == def.parameters.count else {
                throw Diagnostic("E0230", Label(vi: "\(head.head.text) cần \(def.parameters.count) tham số, có \(head.arguments.count)",
                                               en: "\(head.head.text) takes \(def.parameters.count) argument(s), got \(head.arguments.count)"),
                                 span: head.span)
            }
            var values: [String: Expr] = [:]
            for (param, arg) in zip(def.parameters, head.arguments) {
                if case .path(let names) = arg.value.kind, names.count == 1 {
                    values[param.text] = arg.value
                } else {
                    values[param.text] = Expr(.literal(try planner.constant(arg.value)), arg.value.span)
                }
            }
            let body = Substitution(values: values).apply(def.body)
            return Pipeline(elements: body.elements + p.elements.dropFirst(), span: p.span)
        }
        guard let stored = pipelines[head.head.text] else { return p }
        if let extra = head.arguments.first {
            throw Diagnostic("E0212", Label(vi: "sau \(head.head.text) cần dấu |", en: "after \(head.head.text) put a |"), span: extra.span)
        }
        return Pipeline(elements: stored.elements + p.elements.dropFirst(), span: p.span)
    }

    /// Cancels the running statement; safe from another thread (Ctrl-C).
    public func interrupt() { store.interrupt() }

    // MARK: Execution

    private func execute(_ statement: Statement, source: SourceFile, sink: any ResultSink) throws {
        switch statement {
        case .expression(let e):
            let q = try compileExpression(e)
            try sink.scalar(try store.scalar(q.sql, q.binds), type: q.type.fieldType)
        case .pipeline(let p):
            switch try planner.plan(try expand(p)) {
            case .query(let q):
                switch q.shape {
                case .scalar:
                    try sink.scalar(try store.scalar(q.sql, q.binds), type: q.columns.first?.type)
                case .rows:
                    if let path = q.saveTo {
                        try sink.message(try save(q, to: path, span: p.span))
                    } else {
                        try sink.begin(columns: q.columns)
                        try store.query(q.sql, q.binds) { row in try sink.row(row) }
                        try sink.end()
                    }
                }
            case .command(let plan):
                let text = slice(source.text, p.span)
                try sink.message(try runCommand(plan, statementText: text))
            }
        case .let(let name, let value, _):
            try bind(name, value)
        case .transaction(let word):
            try transaction(word)
            try sink.message(Session.transactionMessage(word.text, language))
        case .def(let name, let params, let body, _):
            try define(name, params, body)
        case .for(let name, let values, let body, _):
            guard case .list(let items) = values.kind else {
                throw Diagnostic("E0233", Label(vi: "for cần một danh sách [..]", en: "for needs a list [..]"), span: values.span,
                                 help: Label(vi: "ví dụ: for y in [2022, 2023, 2024] { ... }", en: "for example: for y in [2022, 2023, 2024] { ... }"))
            }
            let saved = variables[name.text]
            defer { variables[name.text] = saved }
            for item in items {
                // A bare word (`male`) is an enum case, kept as its identifier.
                if case .path(let words) = item.kind, words.count == 1 {
                    variables[name.text] = .text(words[0].text)
                } else {
                    variables[name.text] = try planner.constant(item)
                }
                for statement in body { try execute(statement, source: source, sink: sink) }
            }
        case .if(let condition, let then, let otherwise, _):
            let q = try compileExpression(condition)
            let value = try store.scalar(q.sql, q.binds)
            let truthy: Bool
            switch value {
            case .int(let i): truthy = i != 0
            case .double(let d): truthy = d != 0
            case .bool(let b): truthy = b
            case .null: truthy = false
            case .text, .date:
                throw Diagnostic("E0234", Label(vi: "điều kiện của if phải đúng/sai", en: "an if condition must be true or false"),
                                 span: condition.span)
            }
            for statement in truthy ? then : otherwise { try execute(statement, source: source, sink: sink) }
        case .use(let path, let span):
            try use(path, span: span, from: source, sink: sink)
        case .dot(let text, let span):
            guard let dotCommands else {
                throw Diagnostic("E0229", Label(vi: "lệnh chấm không dùng được ở đây", en: "dot commands are not available here"), span: span)
            }
            dotCommands(text)
        }
    }

    /// Streams the rows into a file; the file is complete or absent (written beside, then renamed).
    private func save(_ q: CompiledQuery, to path: String, span: SourceSpan) throws -> String {
        guard let openFile else {
            throw Diagnostic("E0227", Label(vi: "không lưu tệp được ở đây", en: "saving files is not available here"), span: span)
        }
        let partial = path + ".partial"
        let file: any ResultSink
        do { file = try openFile(partial) } catch var d as Diagnostic {
            d.span = span
            throw d
        } catch {
            throw Diagnostic("E0227", Label(vi: "không ghi được tệp \(path)", en: "cannot write the file \(path)"), span: span,
                             help: Label(vi: "kiểm tra thư mục và quyền ghi", en: "check the folder and the permissions"))
        }
        var count = 0
        do {
            try file.begin(columns: q.columns)
            try store.query(q.sql, q.binds) { row in
                count += 1
                try file.row(row)
            }
            try file.end()
            if rename(partial, path) != 0 { throw StoreError.engine("cannot rename \(partial)") }
        } catch {
            unlink(partial)
            throw error
        }
        return language == .vi ? "Đã lưu \(count) dòng vào \(path)." : "Saved \(count) row(s) to \(path)."
    }

    private func define(_ name: Name, _ params: [Name], _ body: Pipeline) throws {
        if catalog.entity(name.text) != nil || catalog.commandHeads.contains(name.text) || reservedWords.contains(name.text)
            || Parser.functions.contains(name.text) {
            throw Diagnostic("E0219", Label(vi: "'\(name.text)' đã là tên của bảng, lệnh, hàm hoặc từ khóa",
                                           en: "'\(name.text)' already names an entity, a command, a function or a keyword"), span: name.span)
        }
        // Check the body now, with placeholder arguments, so that mistakes show at the def.
        definitions[name.text] = (params, body)
        let probe = Substitution(constants: Dictionary(uniqueKeysWithValues: params.map { ($0.text, Value.null) })).apply(body)
        if let problem = probeProblem(probe) {
            // A placeholder argument may not fit its place (`theory >= $level`): only mistakes
            // away from the parameters are the definition's own.
            let spans = Substitution.parameterSpans(in: body, names: Set(params.map(\.text)))
            if let at = problem.span, spans.contains(where: { $0.start < at.end && at.start < $0.end }) { return }
            definitions[name.text] = nil
            throw problem
        }
    }

    private func probeProblem(_ probe: Pipeline) -> Diagnostic? {
        do {
            _ = try planner.plan(try expand(probe))
            return nil
        } catch {
            return error
        }
    }

    /// `use "other.coso"`: the path is relative to the script that says it (or to the current
    /// directory in the REPL); what the other script defines stays defined.
    private func use(_ pathExpr: Expr, span: SourceSpan, from source: SourceFile, sink: any ResultSink) throws {
        guard case .text(let relative) = try planner.constant(pathExpr) else {
            throw Diagnostic("E0231", Label(vi: "use cần tên tệp trong dấu nháy", en: "use needs a file name in quotes"), span: span)
        }
        var path = relative
        if !relative.hasPrefix("/"), source.name.hasSuffix(".coso"), let slash = source.name.lastIndex(of: "/") {
            path = String(source.name[...slash]) + relative
        }
        guard !using.contains(path) else {
            throw Diagnostic("E0232", Label(vi: "tệp \(relative) tự gọi lại chính nó qua use", en: "\(relative) uses itself"), span: span)
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw Diagnostic("E0231", Label(vi: "không đọc được tệp \(relative)", en: "cannot read \(relative)"), span: pathExpr.span)
        }
        using.append(path)
        defer { using.removeLast() }
        try run(SourceFile(name: path, text: text), sink: sink)
    }

    private func transaction(_ word: Name) throws {
        do {
            switch word.text {
            case "begin": try store.begin()
            case "commit": try store.commit()
            default: try store.rollback()
            }
        } catch StoreError.transaction {
            let open = store.inTransaction
            throw Diagnostic("E0602", open ? Label(vi: "đã có một giao dịch đang mở", en: "a transaction is already open")
                                           : Label(vi: "không có giao dịch nào đang mở", en: "no transaction is open"),
                             span: word.span, help: open ? Label(vi: "commit hoặc rollback trước", en: "commit or rollback first")
                                                         : Label(vi: "mở bằng begin", en: "open one with begin"))
        }
    }

    static func transactionMessage(_ word: String, _ language: Language) -> String {
        switch (word, language) {
        case ("begin", .vi): return "Đã mở giao dịch: các thay đổi chỉ được ghi khi commit."
        case ("begin", .en): return "Transaction open: changes are kept only on commit."
        case ("commit", .vi): return "Đã ghi các thay đổi."
        case ("commit", .en): return "Changes committed."
        case (_, .vi): return "Đã hủy các thay đổi từ lúc begin."
        default: return "Changes since begin rolled back."
        }
    }

    /// `let`: a scalar becomes `$name`; rows become a named pipeline. Commands cannot be bound.
    private func bind(_ name: Name, _ value: Statement) throws {
        if catalog.entity(name.text) != nil || catalog.commandHeads.contains(name.text) || reservedWords.contains(name.text) {
            throw Diagnostic("E0219", Label(vi: "'\(name.text)' đã là tên của bảng, lệnh hoặc từ khóa", en: "'\(name.text)' already names an entity, a command or a keyword"),
                             span: name.span)
        }
        switch value {
        case .expression(let e):
            let q = try compileExpression(e)
            variables[name.text] = try store.scalar(q.sql, q.binds)
            pipelines[name.text] = nil
        case .pipeline(let p):
            let expanded = try expand(p)
            switch try planner.plan(expanded) {
            case .query(let q) where q.shape == .scalar:
                variables[name.text] = try store.scalar(q.sql, q.binds)
                pipelines[name.text] = nil
            case .query:
                pipelines[name.text] = expanded
                variables[name.text] = nil
            case .command(let c):
                throw Diagnostic("E0218", Label(vi: "let không giữ được lệnh \(c.command.name)", en: "let cannot hold the command \(c.command.name)"),
                                 span: p.span)
            }
        case .let, .transaction, .dot, .def, .use, .for, .if:
            throw Diagnostic("E0218", Label(vi: "let cần một giá trị hoặc một truy vấn", en: "let needs a value or a query"), span: value.span)
        }
    }

    private func compileExpression(_ e: Expr) throws(Diagnostic) -> Fragment {
        // A bare expression has no rows in scope: names are not fields here.
        let scope = Scope(source: .columns([]), alias: "none", catalog: catalog, newAlias: { "none" })
        let f = try ExprCompiler(scope: scope, catalog: catalog, today: today, variables: variables).compile(e)
        return Fragment("SELECT " + f.sql, f.binds, f.type)
    }

    private func runCommand(_ plan: CommandPlan, statementText: String) throws -> String {
        let origin = WriteOrigin(user: user, statement: statementText, source: self.origin)
        do {
            return try store.write(origin) { tx in
                let inputIDs = try plan.input.map { try tx.rowIDs($0.sql, $0.binds) }
                let arguments = try resolveReferences(plan, tx)
                let call = CommandCall(arguments: arguments, input: inputIDs, today: today)
                return try plan.command.body(call, tx).text(language)
            }
        } catch let v as RuleViolation {
            throw Diagnostic(v.code, v.message, span: plan.spans[v.argument ?? ""] ?? plan.spans[""], help: v.help)
        }
    }

    /// Turns reference arguments given by name into row ids, refusing unknown or ambiguous names.
    private func resolveReferences(_ plan: CommandPlan, _ tx: WriteTransaction) throws -> [String: Value] {
        var out = plan.arguments
        for p in plan.command.positional + plan.command.labelled {
            guard case .reference(let entityName) = p.type, let v = out[p.name], let entity = catalog.entity(entityName) else { continue }
            switch v {
            case .int(let id):
                guard try tx.record(entityName, id: id) != nil else {
                    throw RuleViolation("E0301", vi: "không có \(entity.singular.vi) mã \(id)", en: "no \(entity.singular.en) with id \(id)",
                                        argument: p.name)
                }
            case .text(let name):
                guard let display = entity.displayField else { continue }
                let ids = try tx.ids(entityName, where: display, equals: .text(name))
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

    private func slice(_ text: String, _ span: SourceSpan) -> String {
        let bytes = Array(text.utf8)
        return String(decoding: bytes[min(span.start, bytes.count)..<min(span.end, bytes.count)], as: UTF8.self)
    }
}
