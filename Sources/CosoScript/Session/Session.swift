import CosoCore
import Foundation
import Synchronization

/// One user's working session: the store, who they are, their language and date. `run(source)` is
/// the one entry point that the REPL, `-c`, stdin and `.coso` scripts share.
public final class Session: @unchecked Sendable {
    // @unchecked: a session is used by one thread at a time (the REPL loop or a script run); only
    // `interrupt()` is called from another thread, and it touches nothing but the store's pool.
    public let store: Store
    /// Who works in the session, for the audit trail: given, or looked up the first time a write
    /// needs it (the system's user database costs a read-only run of coso for nothing).
    public var user: String {
        get {
            if let knownUser { return knownUser }
            let found = findUser()
            knownUser = found
            return found
        }
        set { knownUser = newValue }
    }
    private var knownUser: String?
    private let findUser: () -> String
    public var language: Language
    public var today: LocalDate
    /// `repl`, `-c`, `stdin`, `script:FILE`: recorded in the audit trail.
    public var origin: String
    /// Values bound by `let` or `--set`, used as `$name`.
    public var variables: [String: Value] = [:]
    /// Pipelines bound by `let name = orgs | where ...`, used as sources (`name | count`).
    public internal(set) var pipelines: [String: Pipeline] = [:]
    /// Queries defined by `def name(params) = pipeline`, called as `name(args) | ...`.
    public internal(set) var definitions: [String: (parameters: [Name], body: Pipeline)] = [:]
    /// Scripts being run by `use` or `.read`, innermost last (to refuse a script that uses itself).
    var using: [String] = []
    /// `coso run --atomic`: the whole run is one transaction, which `begin`, `commit` and
    /// `rollback` inside it would break: they are refused.
    public var atomic = false
    /// `.dryrun on`, `coso run --dry-run`: every write runs and is rolled back, saying what it
    /// would have changed.
    public var dryRun = false
    /// Asked before a write from a pipeline that matches more than one row, with a line naming
    /// each (the REPL asks the user; scripts set none and write, listing the rows after).
    public var confirmWrite: (([String]) -> Bool)?
    /// Opens a sink writing to a file, in the format its extension names (set by whoever owns the
    /// renderers: the REPL and the CLI). `save "FILE"` refuses to run without it.
    public var openFile: ((String) throws -> any ResultSink)?
    /// Runs a dot command met in a script (`.mode csv`, `.sql ...`); set by the REPL and the CLI.
    public var dotCommands: ((String) -> Void)?

    public init(store: Store, user: @autoclosure @escaping () -> String, language: Language = .vi, today: LocalDate = .today(),
                origin: String = "repl") {
        self.store = store; findUser = user; self.language = language; self.today = today; self.origin = origin
    }

    public var catalog: Catalog { store.catalog }
    /// Sources computed by the session, not tables: the plan's targets and the statistics tables.
    public static let computedSourceNames = ["targets", "target", "stats"]

    /// Restricts what every query of this session reads (access control plugs in here).
    public var rowFilter: (any RowFilter)?
    /// A second connection to the register, opened the first time figures are worked out two at
    /// a time (`figureValues`).
    let helperStore = Mutex<Store?>(nil)
    /// Grouped counts through the hash aggregate (`Planner.pretally`); off only to compare.
    public var pretally = true
    /// Counts through the register's rollups (`Planner.rollups`); off only to compare.
    public var rollups = true
    var planner: Planner {
        var p = Planner(catalog: catalog, today: today, variables: variables, rowFilter: rowFilter)
        p.language = language
        p.pretally = pretally
        p.rollups = rollups
        var names = NameLookup(catalog: catalog) { [store] sql, binds in
            var out: [[Value]] = []
            try store.query(sql, binds) { out.append($0) }
            return out
        }
        if let rowFilter { names.restrict = { rowFilter.condition(for: $0, alias: $1) } }
        p.names = names
        // (Their names are listed in `computedSourceNames`, for completion.)
        p.computedSources = [
            "targets": TargetsSource(session: self), "target": TargetSource(session: self), "stats": StatisticsSource(session: self),
        ]
        return p
    }

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
            } catch StoreError.busy(let holder) {
                throw SourceError(Session.busy(holder, span: statement.span), in: source)
            } catch let e as StoreError where e.diagnosticCode != nil {
                // The file, not the statement: read-only, damaged, the disk full (never "internal").
                throw SourceError(Diagnostic(e.diagnosticCode!, Label(vi: e.message(.vi), en: e.message(.en)), span: statement.span), in: source)
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
                    case .correction(let c):
                        let fields = c.values.keys.sorted().joined(separator: ", ")
                        return "-- \(c.kind == .update ? "update \(c.entity.name): \(fields)" : "void \(c.entity.name)")\n-- input rows:\n"
                            + c.input.explanation
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
    public func interrupt() {
        store.interrupt()
        helperStore.withLock { $0?.interrupt() }
    }

    // MARK: Execution

    /// A query's rows (or value) to the sink; the sink begins with the first row, so that a query
    /// that fails before it has written nothing.
    private func output(_ q: CompiledQuery, span: SourceSpan, sink: any ResultSink) throws {
        switch q.shape {
        case .scalar:
            try sink.scalar(try store.scalar(q.sql, q.binds), type: q.columns.first?.type)
        case .rows:
            if let path = q.saveTo {
                try sink.message(try save(q, to: path, span: span))
            } else {
                var begun = false
                try store.query(q.sql, q.binds) { row in
                    if !begun { try sink.begin(columns: q.columns); begun = true }
                    try sink.row(row)
                }
                if !begun { try sink.begin(columns: q.columns) }
                try sink.end()
            }
        }
    }

    private func execute(_ statement: Statement, source: SourceFile, sink: any ResultSink) throws {
        switch statement {
        case .expression(let e):
            let q = try compileExpression(e)
            try sink.scalar(try store.scalar(q.sql, q.binds), type: q.type.fieldType)
        case .pipeline(let p):
            var running = planner
            running.evaluate = { [unowned self] queries throws(Diagnostic) in try self.figureValues(queries) }
            switch try running.plan(try expand(p)) {
            case .query(let q):
                do {
                    try output(q, span: p.span, sink: sink)
                } catch StoreError.engine(let message) where message == Store.tooManyGroups {
                    // Grouped by more distinct values than tally() holds in memory: grouped by
                    // sorting instead (nothing was written to the sink yet).
                    running.pretally = false
                    guard case .query(let plain) = try running.plan(try expand(p)) else { throw StoreError.engine(message) }
                    try output(plain, span: p.span, sink: sink)
                }
            case .command(let plan):
                let text = slice(source.text, p.span)
                try sink.message(try runCommand(plan, statementText: text))
            case .correction(let plan):
                try sink.message(try runCorrection(plan, statementText: slice(source.text, p.span)))
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
        case .dot(let text, let span) where text == ".read" || text.hasPrefix(".read "):
            // Run here, not by the REPL's handler, so that an error inside stops the script (and an
            // atomic run) with its own file and line, as `use` does.
            let path = text.dropFirst(".read".count).trimmingCharacters(in: .whitespaces)
            try runFile(path, span: span, pathSpan: span, from: source, sink: sink)
        case .dot(let text, let span):
            guard let dotCommands else {
                throw Diagnostic("E0229", Label(vi: "lệnh chấm không dùng được ở đây", en: "dot commands are not available here"), span: span)
            }
            dotCommands(text)
        }
    }

    func compileExpression(_ e: Expr) throws(Diagnostic) -> Fragment {
        // A bare expression has no rows in scope: names are not fields here.
        let scope = Scope(source: .columns([]), alias: "none", catalog: catalog, newAlias: { "none" })
        let f = try ExprCompiler(scope: scope, catalog: catalog, today: today, variables: variables).compile(e)
        return Fragment("SELECT " + f.sql, f.binds, f.type)
    }

}

extension Session {
    /// A second session on the same register for reading alongside this one (the report reads
    /// through two connections at once): the same user, language, date, values, and the same
    /// row filter, so that it sees exactly what this one may.
    public func reader() throws -> Session {
        let other = Session(store: try store.reopened(), user: self.user,
                            language: language, today: today, origin: origin)
        other.variables = variables
        other.pipelines = pipelines
        other.definitions = definitions
        other.rowFilter = rowFilter
        other.pretally = pretally
        other.rollups = rollups
        return other
    }
}
