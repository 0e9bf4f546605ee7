import Foundation
import CFuzzDriver
import CosoBuiltins
import CosoCore
import CosoScript

/// Any bytes, as a user or a file might give them, through what reads statements: the bytes as
/// UTF-8 (`SourceBytes`), the lexer and parser (with their recovery), and the planner for every
/// pipeline, against the built-in modules' catalogue. Errors are the expected answer; a crash, a
/// hang or a sanitizer report is a bug.
let catalog = try! Registry(Builtins.all).catalog
let today = LocalDate(year: 2026, month: 12, day: 5)!

func fuzz(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let text = try? SourceBytes.text(Array(bytes), name: "fuzz") else { return }
    let (statements, _) = Parser.parseRecovering(text)
    var planner = Planner(catalog: catalog, today: today, variables: ["n": .int(3), "d": .date(today), "s": .text("Chi bộ")])
    planner.language = .vi
    for statement in statements {
        var pipelines: [Pipeline] = []
        switch statement {
        case .pipeline(let p): pipelines.append(p)
        case .let(_, .pipeline(let p), _): pipelines.append(p)
        default: break
        }
        for p in pipelines { _ = try? planner.plan(p) }
    }
}

var arguments = CommandLine.arguments
var argc = Int32(arguments.count)
var cArguments = arguments.map { strdup($0) } + [nil]
cArguments.withUnsafeMutableBufferPointer { buffer in
    var argv = buffer.baseAddress
    _ = LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        fuzz(UnsafeBufferPointer(start: data, count: size))
        return 0
    }
}
