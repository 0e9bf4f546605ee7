import CosoCore
import CosoTesting
import Foundation
import Testing

/// Diagnostics are data with an owner: every code the sources raise is declared, by coso for its
/// own (below E1000) or by the module whose range holds it; every declared code is raised
/// somewhere; every example raises its code; two modules cannot claim one code.
@Suite struct DiagnosticCatalogTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The code literals of the Swift files under `dir` (but those under `excluding`).
    func codes(under dir: String, excluding: String? = nil) throws -> Set<String> {
        var found: Set<String> = []
        let url = DiagnosticCatalogTests.root.appendingPathComponent(dir)
        for case let file as URL in FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil)! where file.pathExtension == "swift" {
            if let excluding, file.path.contains("/" + excluding + "/") { continue }
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: #/"(E\d{4})"|\[(E\d{4})\]/#) { found.insert(String(match.output.1 ?? match.output.2 ?? "")) }
        }
        return found
    }

    @Test func everyCodeRaisedIsDeclaredByItsOwnerAndEveryDeclaredCodeIsRaised() throws {
        let registry = try Registry(allModules)
        let host = Set(HostDiagnostics.all.map(\.code))
        #expect(host.count == HostDiagnostics.all.count, "a host code declared twice")
        let raisedByHost = try codes(under: "Sources", excluding: "Sources/CosoCore/Diagnostics")
        #expect(raisedByHost.subtracting(host).sorted() == [], "raised by coso, declared by nobody")
        #expect(host.subtracting(raisedByHost).sorted() == [], "declared by coso, raised nowhere")
        for (dir, module) in [("Plugins/Organisations", "organisations"), ("Plugins/Members", "members"), ("Plugins/Inspection", "inspection"),
                              ("Plugins/Propaganda", "propaganda"), ("Plugins/Targets", "targets")] {
            let declared = Set(registry.catalog.diagnostics.filter { $0.module == module }.map(\.definition.code))
            let literals = try codes(under: dir)
            // A module may raise coso's shared codes (E0301 no such row, E0305 a date ahead).
            let own = literals.filter { Int($0.dropFirst())! >= 1000 }
            #expect(own == declared, "\(module): raised \(own.subtracting(declared).sorted()), declared and not raised \(declared.subtracting(own).sorted())")
            #expect(literals.subtracting(own).isSubset(of: host), "\(module) raises codes nobody declares")
        }
    }

    /// coso's own examples, on a new register with the built-in modules.
    @Test func everyExampleOfCosoItselfRaisesItsCode() {
        #expect(ModuleConformance.diagnosticExamples(HostDiagnostics.all, modules: allModules, owner: "coso") == [])
        #expect(HostDiagnostics.all.filter { $0.example != nil }.count >= 40)
    }

    /// `.help CODE` always says more than the title: statements that raise it, or what to do.
    @Test func everyCodeHasAnExampleOrWhatToDo() throws {
        let catalog = try Registry(allModules).catalog
        let shown = Set(catalog.cosoCodeExamples.map(\.code))
        let bare = (HostDiagnostics.all.map { ("coso", $0) } + catalog.diagnostics)
            .filter { $0.1.example == nil && $0.1.help == nil && !shown.contains($0.1.code) }.map(\.1.code)
        #expect(bare == [])
    }

    @Test func twoModulesCannotClaimOneCode() {
        struct Claimer: CosoModule {
            let manifest: Manifest
            let diagnostics: [DiagnosticDefinition]
            init(_ id: String, _ codes: ClosedRange<Int>?, _ declared: [String]) {
                manifest = Manifest(id: id, version: Version(1, 0, 0), summary: Label(vi: id, en: id), codes: codes)
                diagnostics = declared.map { DiagnosticDefinition($0, vi: "x", en: "x") }
            }
        }
        func refusal(_ modules: [any CosoModule]) -> String {
            switch Result(catching: { () throws(RegistryError) in try Registry(modules) }) { case .success: return ""; case .failure(let error): return "\(error)" }
        }
        #expect(refusal([Claimer("a", 5000...5099, ["E5001"]), Claimer("b", 5050...5149, ["E5101"])]).contains("overlaps the range of module 'a'"))
        #expect(refusal([Claimer("a", 5000...5099, ["E5101"])]).contains("declare E5101, outside the range claimed"))
        #expect(refusal([Claimer("a", 5000...5099, ["E5001", "E5001"])]).contains("declare E5001 twice"))
        #expect(refusal([Claimer("a", 500...599, ["E0501"])]).contains("below 1000 is coso's own"))
        #expect(refusal([Claimer("a", nil, ["E5001"])]).contains("the manifest claims no codes"))
        #expect(refusal(allModules + [Claimer("a", 1100...1101, [])]).contains("overlaps the range of module 'members'"))
        #expect(refusal([Claimer("a", 5000...5099, ["E5001"]), Claimer("b", 5100...5199, ["E5101"])]) == "")
    }
}
