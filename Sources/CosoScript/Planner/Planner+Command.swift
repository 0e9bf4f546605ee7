import CosoCore

extension Planner {
    /// Matches a call's arguments to the command's parameters and types them.
    func commandPlan(_ command: Command, _ call: Call, input: CompiledQuery?) throws(Diagnostic) -> CommandPlan {
        var arguments: [String: Value] = [:]
        var spans: [String: SourceSpan] = ["": call.head.span]
        let rest = call.arguments.dropFirst(command.words.count - 1)
        var positional = command.positional.makeIterator()
        for arg in rest {
            let param: Parameter
            if let label = arg.label {
                guard let p = command.parameter(label.text) else {
                    let names = (command.positional + command.labelled).map(\.name)
                    throw Diagnostic("E0220", Label(vi: "lệnh \(command.name) không có tham số '\(label.text):'",
                                                   en: "command \(command.name) has no parameter '\(label.text):'"),
                                     span: label.span, help: Suggest.closest(to: label.text, in: names).map {
                                         Label(vi: "có phải ý bạn là '\($0):'?", en: "did you mean '\($0):'?") }
                                         ?? Label(vi: "dùng: \(command.signature)", en: "usage: \(command.signature)"))
                }
                param = p
            } else {
                guard let p = positional.next() else {
                    throw Diagnostic("E0221", Label(vi: "thừa tham số cho lệnh \(command.name)", en: "too many arguments for \(command.name)"),
                                     span: arg.span, help: Label(vi: "dùng: \(command.signature)", en: "usage: \(command.signature)"))
                }
                param = p
            }
            guard arguments[param.name] == nil else {
                throw Diagnostic("E0222", Label(vi: "tham số \(param.name) được cho hai lần", en: "\(param.name) is given twice"), span: arg.span)
            }
            arguments[param.name] = try typed(arg.value, as: param)
            spans[param.name] = arg.value.span
        }
        for p in command.positional + command.labelled where p.required && arguments[p.name] == nil {
            // A command fed by a pipeline gets its subject from the input instead.
            if input != nil, p == command.positional.first { continue }
            throw Diagnostic("E0223", Label(vi: "lệnh \(command.name) thiếu \(p.name) (\(p.label.vi))",
                                           en: "command \(command.name) needs \(p.name) (\(p.label.en))"),
                             span: call.span, help: Label(vi: "dùng: \(command.signature)", en: "usage: \(command.signature)"))
        }
        return CommandPlan(command: command, arguments: arguments, spans: spans, input: input)
    }

    /// Evaluates a constant argument and checks it against the parameter's type.
    func typed(_ e: Expr, as p: Parameter) throws(Diagnostic) -> Value {
        // A bare word is an enum case (or a boolean); everything else is a constant expression.
        if case .path(let names) = e.kind, names.count == 1 {
            let word = names[0].text
            switch p.type {
            case .enumeration(let id):
                return try enumCase(word, id, span: e.span)
            case .bool where word == "true" || word == "false":
                return .bool(word == "true")
            case .text:
                // A code written bare (`target remove X1`).
                return .text(word)
            default:
                throw mismatch(p, found: Label(vi: "tên '\(word)'", en: "the name '\(word)'"), span: e.span)
            }
        }
        let v = try constant(e)
        switch (p.type, v) {
        case (_, .null) where !p.required: return .null
        case (.text, .text), (.int, .int), (.date, .date), (.bool, .bool): return v
        case (.enumeration(let id), .text(let s)): return try enumCase(s, id, span: e.span)
        case (.reference, .int), (.reference, .text): return v
        case (.pipeline, .text(let text)): try checkPipeline(text, span: e.span); return v
        default: throw mismatch(p, found: Label(vi: v.kindName, en: v.kindName), span: e.span)
        }
    }

    private func enumCase(_ word: String, _ id: String, span: SourceSpan) throws(Diagnostic) -> Value {
        guard let en = catalog.enumType(id) else { return .text(word) }
        guard let c = en.find(word) else { throw Diagnostic.unknownCase(word, of: en, span: span) }
        return .text(c.id)
    }

    /// A constant: literals, variables, `today()`, date ± days, negative numbers.
    func constant(_ e: Expr) throws(Diagnostic) -> Value {
        switch e.kind {
        case .literal(let v): return v
        case .variable(let name):
            guard let v = variables[name] else {
                throw Diagnostic("E0204", Label(vi: "chưa có biến $\(name)", en: "unknown variable $\(name)"), span: e.span)
            }
            return v
        case .call(let n, let args) where n.text == "today" && args.isEmpty:
            return .date(today)
        case .unary("-", let inner):
            if case .int(let i) = try constant(inner) { return .int(-i) }
        case .binary(let op, let l, let r) where op == "+" || op == "-":
            if case .date(let d) = try constant(l), case .int(let n) = try constant(r) {
                return .date(d.adding(days: op == "+" ? Int(n) : -Int(n)))
            }
        default: break
        }
        throw Diagnostic("E0224", Label(vi: "tham số của lệnh phải là một giá trị cụ thể", en: "a command argument must be a constant value"),
                         span: e.span)
    }

    /// A query given as text must plan (with a target's variables standing for their values).
    private func checkPipeline(_ text: String, span: SourceSpan) throws(Diagnostic) {
        do {
            _ = try PipelineText.plan(try PipelineText.parse(text), self, at: TargetPeriod(year: today.year, date: today, today: today))
        } catch {
            throw Diagnostic("E0238", Label(vi: "truy vấn trong dấu nháy sai: \(error.message.vi)", en: "the quoted query is wrong: \(error.message.en)"),
                             span: span, help: error.help)
        }
    }

    private func mismatch(_ p: Parameter, found: Label, span: SourceSpan) -> Diagnostic {
        Diagnostic("E0225", Label(vi: "\(p.name) cần \(p.type.placeholder), gặp \(found.vi)", en: "\(p.name) needs \(p.type.placeholder), found \(found.en)"),
                   span: span)
    }
}
