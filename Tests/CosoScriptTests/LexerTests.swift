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
