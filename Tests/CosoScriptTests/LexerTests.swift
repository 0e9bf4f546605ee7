import CosoCore
import CosoScript
import Testing

@Suite struct LexerTests {
    @Test func tokensOfAPipeline() throws {
        let tokens = try Lexer.tokenize(#"members | where born < @1970-01-01 and name =~ "Nguye\#u{0302}\#u{0303}n" # comment"#)
        #expect(tokens.map(\.debugText).joined(separator: " ") ==
                #"ident(members) '|' ident(where) ident(born) '<' date(1970-01-01) ident(and) ident(name) '=~' string("Nguyễn") end eof"#)
    }

    @Test func newlinesEndStatementsExceptInsideAPipeline() throws {
        let text = "orgs\n  | count\nmembers |\n  count\n(1 +\n 2)"
        let ends = try Lexer.tokenize(text).filter { $0.kind == .end }.count
        #expect(ends == 3)
    }

    @Test func incompleteInputAsksForMore() {
        #expect(Lexer.isIncomplete("members |"))
        #expect(Lexer.isIncomplete(#"orgs | where name == "Chi b"#))
        #expect(Lexer.isIncomplete("members | where theory in [official,"))
        #expect(!Lexer.isIncomplete("members | count"))
        #expect(!Lexer.isIncomplete(#"orgs | where name == "a""#))
    }
}

@Suite struct ParserTests {
    @Test(arguments: [
        ("members | where theory >= intermediate and born < @1970-01-01 | count",
         "(pipeline (call members) (where (and (>= theory intermediate) (< born @1970-01-01))) (count))"),
        ("members | summarize n: count(), a: avg(age(born)) by org.parent.name | sort -n | take 5",
         "(pipeline (call members) (summarize (n: (count())) (a: (avg() (age() born))) (by org.parent.name)) (sort -n) (take 5))"),
        (#"admit "An" born: @1998-04-12 gender: male org: "Chi bộ thôn 5" on: @2024-05-19"#,
         #"(pipeline (call admit "An" born: @1998-04-12 gender: male org: "Chi bộ thôn 5" on: @2024-05-19))"#),
        ("let n = orgs | count", "(let n (pipeline (call orgs) (count)))"),
        ("not a or b and c == null", "(or (not a) (and b (== c null)))"),
        ("1 + 2 * -3", "(+ 1 (* 2 (- 3)))"),
        (".mode csv", #"(dot ".mode csv")"#),
        ("members | where status in [official, probationary] | save \"x.csv\"",
         #"(pipeline (call members) (where (in status [official probationary])) (save "x.csv"))"#),
    ])
    func printsTheTree(_ pair: (String, String)) throws {
        let statements = try Parser.parse(pair.0)
        #expect(statements.map(ASTPrinter.print) == [pair.1])
    }
}
