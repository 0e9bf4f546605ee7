import Foundation
import Testing

/// Every script in Examples/ runs on the demo district (seed 1) and prints exactly its
/// `# expect:` lines.
@Suite struct ExampleScriptTests {
    static let scripts: [String] = {
        let dir = Coso.root + "/Examples"
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".coso") }.sorted()
    }()

    @Test func thereAreExamples() {
        #expect(Self.scripts.count >= 2)
    }

    @Test(arguments: scripts)
    func exampleRunsAndPrintsWhatItExpects(_ name: String) throws {
        let path = Coso.root + "/Examples/" + name
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let expected = text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { $0.hasPrefix("# expect: ") }.map { String($0.dropFirst("# expect: ".count)) }
        #expect(!expected.isEmpty, "\(name) has no # expect: lines")
        let r = try Coso.run(["run", path, "--db", Coso.sharedDemo])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == expected.joined(separator: "\n") + "\n")
    }
}
