import CosoCore
import Foundation

/// `let`, `def` and `use`: what a session remembers between statements.
extension Session {
    func define(_ name: Name, _ params: [Name], _ body: Pipeline) throws {
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

    func probeProblem(_ probe: Pipeline) -> Diagnostic? {
        do {
            _ = try planner.plan(try expand(probe))
            return nil
        } catch {
            return error
        }
    }

    /// `use "other.coso"`: the path is relative to the script that says it (or to the current
    /// directory in the REPL); what the other script defines stays defined.
    func use(_ pathExpr: Expr, span: SourceSpan, from source: SourceFile, sink: any ResultSink) throws {
        guard case .text(let relative) = try planner.constant(pathExpr) else {
            throw Diagnostic("E0231", Label(vi: "use cần tên tệp trong dấu nháy", en: "use needs a file name in quotes"), span: span)
        }
        try runFile(relative, span: span, pathSpan: pathExpr.span, from: source, sink: sink)
    }

    /// Runs the statements of a file named in `source` (`use "FILE"`, `.read FILE`): a relative
    /// name is found beside the script that names it; a file that reads itself, directly or not,
    /// is refused; an error inside stops the caller with the inner file's own location.
    func runFile(_ relative: String, span: SourceSpan, pathSpan: SourceSpan, from source: SourceFile, sink: any ResultSink) throws {
        var path = relative
        if !relative.hasPrefix("/"), source.name.hasSuffix(".coso"), let slash = source.name.lastIndex(of: "/") {
            path = String(source.name[...slash]) + relative
        }
        guard !using.contains(path), path != source.name else {
            throw Diagnostic("E0232", Label(vi: "tệp \(relative) tự gọi lại chính nó qua use hoặc .read", en: "\(relative) uses itself"), span: span)
        }
        var isDirectory: ObjCBool = false
        guard !relative.isEmpty, FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
              let data = FileManager.default.contents(atPath: path) else {
            throw Diagnostic("E0231", Label(vi: "không đọc được tệp \(relative)", en: "cannot read \(relative)"), span: pathSpan)
        }
        // (A file that is not UTF-8 is reported at its own bad byte.)
        let text = try SourceBytes.text(Array(data), name: path)
        using.append(path)
        defer { using.removeLast() }
        try run(SourceFile(name: path, text: text), sink: sink)
    }

    /// `let`: a scalar becomes `$name`; rows become a named pipeline. Commands cannot be bound.
    func bind(_ name: Name, _ value: Statement) throws {
        if catalog.entity(name.text) != nil || catalog.commandHeads.contains(name.text) || reservedWords.contains(name.text) {
            throw Diagnostic("E0219", Label(vi: "'\(name.text)' đã là tên của bảng, lệnh hoặc từ khóa", en: "'\(name.text)' already names an entity, a command or a keyword"),
                             span: name.span)
        }
        switch value {
        case .expression(let e):
            let q = try compileExpression(e)
            variables[name.text] = Session.typed(try store.scalar(q.sql, q.binds), q.type)
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
            case .correction(let c):
                let word = c.kind == .update ? "update" : "void"
                throw Diagnostic("E0218", Label(vi: "let không giữ được lệnh \(word)", en: "let cannot hold the command \(word)"), span: p.span)
            }
        case .let, .transaction, .dot, .def, .use, .for, .if:
            throw Diagnostic("E0218", Label(vi: "let cần một giá trị hoặc một truy vấn", en: "let needs a value or a query"), span: value.span)
        }
    }
}

extension Session {
    /// SQLite returns dates as text; a value bound by `let` keeps its date type, so that
    /// `let d = @2022-01-01` then `members asof $d` works.
    static func typed(_ v: Value, _ type: ExprType) -> Value {
        if type == .date, case .text(let s) = v, let d = LocalDate(iso: s) { return .date(d) }
        return v
    }
}
