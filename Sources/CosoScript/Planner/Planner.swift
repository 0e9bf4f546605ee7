import CosoCore

/// Resolves a parsed pipeline against the catalogue and plans it: ONE SQL statement for a query,
/// or a command with typed arguments (and the query of its input rows).
public struct Planner {
    public let catalog: Catalog
    public let today: LocalDate
    public var variables: [String: Value] = [:]
    /// The access-control seam: restricts every entity the plan reads (see `RowFilter`).
    public var rowFilter: (any RowFilter)?
    /// Under English, fields with an English twin read it (`check.problem`).
    public var language: Language = .vi
    /// Sources the session computes rather than reads from a table (`targets`, `target T10 | detail`).
    public var computedSources: [String: any ComputedSource] = [:]
    /// Finds the row a name stands for in a comparison (`org == "Chi bộ thôn 1"`), in the register.
    public var names: NameLookup?
    /// Grouped counts over many rows are counted in a hash table before grouping (`Pretally`);
    /// off, every `summarize` is a plain GROUP BY (for the tests that compare the two).
    public var pretally = true
    /// Counts are read from the entities' rollups where one holds every column they read
    /// (`RollupRead`); off, from the rows (for the tests that compare the two).
    public var rollups = true
    /// Given while a statement is planned to run (not for `.sql`): works out one-value queries
    /// ahead, each once, through two connections at once where it can (`Session.figureValues`),
    /// for sources made of many independent counts (`targets`); nil (or returning nil) leaves
    /// them in the statement.
    public var evaluate: (([(sql: String, binds: [Value])]) throws(Diagnostic) -> [Value]?)?

    public init(catalog: Catalog, today: LocalDate, variables: [String: Value] = [:], rowFilter: (any RowFilter)? = nil) {
        self.catalog = catalog; self.today = today; self.variables = variables; self.rowFilter = rowFilter
    }

    /// How many subqueries a pipeline may nest (SQLite's parser refused about fifteen).
    static let maxNesting = 10

    public func plan(_ pipeline: Pipeline) throws(Diagnostic) -> Plan {
        guard case .call(let head) = pipeline.elements[0] else {
            let s = pipeline.elements[0].span
            throw Diagnostic("E0201", Label(vi: "câu lệnh phải bắt đầu bằng một bảng hoặc một lệnh",
                                           en: "a statement starts with an entity or a command"), span: s,
                             help: Label(vi: "dạng: BẢNG | where ...; các bảng và lệnh: .help", en: "the form: ENTITY | where ...; the entities and commands: .help"))
        }
        if let command = commandFor(head) {
            guard pipeline.elements.count == 1 else {
                throw Diagnostic("E0211", Label(vi: "lệnh \(command.name) không truyền kết quả sang bước sau",
                                               en: "command \(command.name) produces no rows for a later stage"),
                                 span: pipeline.elements[1].span)
            }
            return .command(try commandPlan(command, head, input: nil))
        }
        let q: QueryBuilder
        var firstStage = 1
        if let computed = computedSources[head.head.text] {
            let source = try computed.resolve(head, following: Array(pipeline.elements.dropFirst()), planner: self)
            q = QueryBuilder(entity: source.entity, catalog: catalog, today: today, variables: variables, rowFilter: rowFilter,
                             from: (source.sql, source.binds, source.order), language: language)
            firstStage += source.consumed
        } else {
            guard let entity = catalog.entity(head.head.text) else { throw unknownName(head.head) }
            let asOf = try pointInTime(entity, head)
            q = QueryBuilder(entity: entity, catalog: catalog, today: today, variables: variables, rowFilter: rowFilter, asOf: asOf,
                             language: language)
        }
        q.names = names
        q.pretally = pretally
        q.rollups = rollups
        var counted = false
        var saveTo: String?
        for (i, element) in pipeline.elements.enumerated().dropFirst(firstStage) {
            // Each stage that cannot join the SELECT so far nests it in a subquery; SQLite's parser
            // takes about fifteen levels (its refusal was an internal error).
            guard q.nesting < Planner.maxNesting else {
                throw Diagnostic("E0245", Label(vi: "quá nhiều bước lồng nhau (quá \(Planner.maxNesting))", en: "too many nested stages (over \(Planner.maxNesting))"),
                                 span: element.span, help: Label(vi: "lưu kết quả trung gian bằng let, hoặc gộp các bước where, sort",
                                                                 en: "keep an intermediate result with let, or merge the where and sort stages"))
            }
            if saveTo != nil {
                throw Diagnostic("E0226", Label(vi: "save phải là bước cuối", en: "save must be the last stage"), span: element.span)
            }
            if counted {
                throw Diagnostic("E0213", Label(vi: "sau count không còn bước nào", en: "nothing can follow count"), span: element.span)
            }
            switch element {
            case .stage(let stage):
                switch stage.kind {
                case .where(let e): try q.addWhere(e)
                case .select(let items): try q.addSelect(items)
                case .sort(let keys): try q.addSort(keys)
                case .take(let e): try q.addTake(e)
                case .skip(let e): try q.addSkip(e)
                case .distinct: q.addDistinct()
                case .summarize(let items, let keys): try q.addSummarize(items, by: keys)
                case .first: try q.addTake(Expr(.literal(.int(1)), stage.span))
                case .count: counted = true
                case .save(let e):
                    guard case .text(let path) = try constant(e), !path.isEmpty else {
                        throw Diagnostic("E0226", Label(vi: "save cần tên tệp trong dấu nháy", en: "save needs a file name in quotes"),
                                         span: e.span, help: Label(vi: #"ví dụ: save "ket-qua.csv""#, en: #"for example: save "result.csv""#))
                    }
                    saveTo = path
                    q.exporting = true
                }
            case .call(let call):
                if commandFor(call) == nil, Planner.correctionWords.contains(call.head.text) {
                    guard i == pipeline.elements.count - 1 else {
                        throw Diagnostic("E0211", Label(vi: "\(call.head.text) phải là bước cuối", en: "\(call.head.text) must be the last stage"),
                                         span: pipeline.elements[i + 1].span)
                    }
                    return .correction(try correctionPlan(call, rows: q))
                }
                guard let command = commandFor(call) else { throw unknownName(call.head, afterPipe: true) }
                guard i == pipeline.elements.count - 1 else {
                    throw Diagnostic("E0211", Label(vi: "lệnh \(command.name) phải là bước cuối", en: "command \(command.name) must be the last stage"),
                                     span: pipeline.elements[i + 1].span)
                }
                guard let inputEntity = command.input else {
                    throw Diagnostic("E0214", Label(vi: "lệnh \(command.name) không nhận dữ liệu qua |",
                                                   en: "command \(command.name) takes no input through |"), span: call.head.span,
                                     help: Label(vi: "dùng: \(command.signature)", en: "usage: \(command.signature)"))
                }
                guard q.rootEntity?.name == inputEntity, !q.hasSelect, let ids = q.idsQuery() else {
                    throw Diagnostic("E0214", Label(vi: "lệnh \(command.name) cần các dòng của \(inputEntity)",
                                                   en: "command \(command.name) needs rows of \(inputEntity)"), span: call.head.span,
                                     help: Label(vi: "ví dụ: \(inputEntity) | where ... | \(command.name) ...",
                                                 en: "for example: \(inputEntity) | where ... | \(command.name) ..."))
                }
                return .command(try commandPlan(command, call, input: ids))
            }
        }
        var query = counted ? q.countQuery() : q.rowsQuery()
        query.saveTo = saveTo
        return .query(query)
    }

    /// `members asof @2023-12-31`: the date a source is read at, when it names one.
    private func pointInTime(_ entity: Entity, _ head: Call) throws(Diagnostic) -> LocalDate? {
        let args = head.arguments
        guard let first = args.first else { return nil }
        guard first.label == nil, case .path(let names) = first.value.kind, names.count == 1, names[0].text == "asof" else {
            throw Diagnostic("E0212", Label(vi: "sau tên bảng \(entity.name) cần dấu |", en: "after the entity \(entity.name) put a |"),
                             span: first.span, help: Label(vi: "ví dụ: \(entity.name) | where ...", en: "for example: \(entity.name) | where ..."))
        }
        guard entity.dated != nil else {
            throw Diagnostic("E0235", Label(vi: "bảng \(entity.name) không lưu lịch sử: không dùng được asof",
                                           en: "\(entity.name) keeps no history: asof is not available"), span: first.span,
                             help: Label(vi: "asof dùng được với: " + catalog.entityNames.filter { catalog.entity($0)?.dated != nil }.joined(separator: ", "),
                                         en: "asof works with: " + catalog.entityNames.filter { catalog.entity($0)?.dated != nil }.joined(separator: ", ")))
        }
        guard args.count == 2, args[1].label == nil else {
            throw Diagnostic("E0236", Label(vi: "asof cần đúng một ngày", en: "asof needs exactly one date"),
                             span: args.count > 2 ? args[2].span : first.span,
                             help: Label(vi: "ví dụ: \(entity.name) asof @2023-12-31", en: "for example: \(entity.name) asof @2023-12-31"))
        }
        guard case .date(let date) = try constant(args[1].value) else {
            throw Diagnostic("E0236", Label(vi: "asof cần một ngày, như @2023-12-31", en: "asof needs a date, such as @2023-12-31"),
                             span: args[1].span)
        }
        return date
    }

    /// The command a call names: the longest command whose words are the head and the leading
    /// bare-word arguments (`org add ...`).
    func commandFor(_ call: Call) -> Command? {
        guard catalog.commandHeads.contains(call.head.text) else { return nil }
        var words = [call.head.text]
        for a in call.arguments {
            guard a.label == nil, case .path(let names) = a.value.kind, names.count == 1 else { break }
            words.append(names[0].text)
        }
        return catalog.command(matching: words)
    }

    private func unknownName(_ name: Name, afterPipe: Bool = false) -> Diagnostic {
        let candidates = afterPipe ? Array(catalog.commands.keys) + Array(Parser.stageKeywords) + Array(Planner.correctionWords)
                                   : catalog.entityNames + catalog.commandNames + Array(computedSources.keys)
        let suggestion = Suggest.closest(to: name.text, in: candidates)
        let what = afterPipe ? Label(vi: "không có bước hay lệnh '\(name.text)'", en: "unknown stage or command '\(name.text)'")
                             : Label(vi: "không có bảng hay lệnh '\(name.text)'", en: "unknown entity or command '\(name.text)'")
        if let habit = SQLHabits.hint(name.text) { return Diagnostic(afterPipe ? "E0215" : "E0201", what, span: name.span, help: habit) }
        return Diagnostic(afterPipe ? "E0215" : "E0201", what, span: name.span,
                          help: suggestion.map { Label(vi: "có phải ý bạn là '\($0)'? Xem .help", en: "did you mean '\($0)'? See .help") }
                            ?? Label(vi: "xem danh sách bằng .help", en: "see the list with .help"))
    }
}
