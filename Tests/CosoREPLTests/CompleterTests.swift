import CosoCore
import CosoREPL
import Testing

@Suite struct CompleterTests {
    let completer = Completer(catalog: try! Registry(modules).catalog) { prefix in
        ["Chi bộ thôn 5", "Chi bộ thôn 8"].filter { VietnameseText.fold($0).hasPrefix(VietnameseText.fold(prefix)) }
    }

    func complete(_ line: String, word: String) -> [String] { completer.candidates(before: line, word: word) }

    @Test func startOfStatement() {
        #expect(complete("mem", word: "mem") == ["member_events", "members"])
        #expect(complete("ad", word: "ad") == ["admission", "admission_plans", "admit"])
        #expect(complete("o", word: "o") == ["org", "org_names", "org_ratings", "orgs"])
    }

    @Test func afterAPipeAndInsideStages() {
        #expect(complete("members | wh", word: "wh") == ["where"])
        #expect(complete("members | co", word: "co") == ["confirm", "count"])
        #expect(complete("members | where the", word: "the") == ["theory"])
        #expect(complete("members | where org.pa", word: "pa") == ["parent"])
        #expect(complete("members | where org.parent.ki", word: "ki") == ["kind"])
        // Conditions, functions and the words of an if.
        #expect(complete("members | where on_", word: "on_") == ["on_roll"])
        #expect(complete("members | sort fu", word: "fu") == ["full"])
        #expect(complete("members | select x: if born < @1960-01-01 th", word: "th") == ["then", "theory"])
    }

    @Test func enumCases() {
        #expect(complete("orgs | where kind == vil", word: "vil") == ["village_cell"])
        #expect(complete("members | where status in [official, pro", word: "pro") == ["probationary"])
        #expect(complete("members | where org.kind != gr", word: "gr") == ["grassroots_committee", "grassroots_cell"])  // declared order
    }

    @Test func commandsLabelsAndTheirValues() {
        #expect(complete("org ad", word: "ad") == ["add"])
        #expect(complete(#"admit "X" bo introducers_on_file: true"#, word: "bo") == ["born:"])
        #expect(complete(#"admit "X" gender: f"#, word: "f") == ["female"])
        #expect(complete(#"org add "X" kind: vill"#, word: "vill") == ["village_cell"])
    }

    @Test func organisationNamesInsideAString() {
        #expect(complete(#"orgs | where name == "chi bo thon"#, word: "chi bo thon") == ["Chi bộ thôn 5", "Chi bộ thôn 8"])
        #expect(complete(#"admit "X" org: "Chi bộ thôn 8"#, word: "Chi bộ thôn 8") == ["Chi bộ thôn 8"])
    }

    @Test func dotCommands() {
        #expect(complete(".sch", word: "sch") == ["schema"])
        #expect(complete(".mode c", word: "c") == ["csv"])
        #expect(complete(".sql mem", word: "mem") == ["member_events", "members"])
    }
}

@Suite struct CompleterReportTests {
    @Test func targetsAndStatisticsComplete() {
        let completer = Completer(catalog: try! Registry(modules).catalog) { _ in [] }
        #expect(completer.candidates(before: "tar", word: "tar") == ["target", "targets"])
        #expect(completer.candidates(before: "sta", word: "sta") == ["stats", "study"].filter { $0.hasPrefix("sta") })
    }
}
