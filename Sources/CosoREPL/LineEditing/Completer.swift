import CosoCore
import CosoScript

/// Context-aware completion, as a pure function of the line so tests can call it directly:
/// entities and commands at the start, stages after `|`, fields (and fields after `.`), enum
/// cases after a comparison with an enum field or a labelled enum argument, and organisation
/// names from the database inside a string.
public struct Completer {
    public let catalog: Catalog
    /// Organisation names whose folded form starts with (or contains) the folded prefix.
    public let organisationNames: (String) -> [String]

    public init(catalog: Catalog, organisationNames: @escaping (String) -> [String]) {
        self.catalog = catalog; self.organisationNames = organisationNames
    }

    public static let dotCommands = [".help", ".schema", ".mode", ".timer", ".dryrun", ".read", ".once", ".backup", ".sql", ".tokens", ".ast", ".lang", ".quit"]

    /// Candidates for the word `word` that ends the text `before` (everything left of the cursor).
    public func candidates(before: String, word: String) -> [String] {
        // Inside an open string: organisation names.
        if before.filter({ $0 == "\"" }).count % 2 == 1 {
            return organisationNames(word)
        }
        let trimmed = before.drop(while: { $0 == " " })
        if trimmed.hasPrefix(".") {
            let afterDot = trimmed.dropFirst()
            if !afterDot.contains(" ") {
                return Completer.dotCommands.map { String($0.dropFirst()) }.filter { $0.hasPrefix(word) }
            }
            // `.sql members | ...`, `.mode c`: complete the rest as a statement or a mode.
            if trimmed.hasPrefix(".mode ") { return OutputMode.allCases.map(\.rawValue).filter { $0.hasPrefix(word) } }
            let rest = String(afterDot.drop(while: { $0 != " " }))
            return candidates(before: rest, word: word)
        }
        let head = String(before.dropLast(word.count))
        let statement = lastStatement(head)
        let elementText = statement.split(separator: "|", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        let words = elementText.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let root = statement.split(separator: "|").first.flatMap { $0.split(separator: " ").first }.map(String.init)

        // A field after `.`: walk the path from the pipeline's entity.
        if head.hasSuffix(".") {
            let path = trailingPath(head)
            if let entity = root.flatMap(catalog.entity), let target = walk(entity, path) {
                return target.fields.map(\.name).filter { $0.hasPrefix(word) }
            }
            return []
        }
        // First word of the statement: entities and commands.
        if words.isEmpty && !statement.contains("|") {
            return Array(Set(catalog.entityNames + Array(catalog.commandHeads) + Session.computedSourceNames)).filter { $0.hasPrefix(word) }.sorted()
        }
        // First word after `|`: stages and commands taking input.
        if words.isEmpty {
            let commands = catalog.commands.values.filter { $0.input != nil }.map { $0.words[0] }
            return (Array(Parser.stageKeywords) + commands).filter { $0.hasPrefix(word) }.sortedUnique()
        }
        // Inside a command: its remaining words, labels, and enum cases after `label:`.
        if let command = catalog.command(matching: words) ?? catalog.commands.values.first(where: { $0.words[0] == words[0] && words.count < $0.words.count }) {
            if words.count < command.words.count {
                return catalog.commands.values.filter { Array($0.words.prefix(words.count)) == words && $0.words.count > words.count }
                    .map { $0.words[words.count] }.filter { $0.hasPrefix(word) }.sortedUnique()
            }
            if let last = words.last, last.hasSuffix(":"), let p = command.parameter(String(last.dropLast())) {
                if case .enumeration(let id) = p.type { return cases(id, word) }
                if p.type == .bool { return ["true", "false"].filter { $0.hasPrefix(word) } }
                return []
            }
            return (command.positional + command.labelled).map { $0.name + ":" }.filter { $0.hasPrefix(word) }
        }
        // Inside a stage: enum cases after `field ==` or `field in [`, else fields and keywords.
        guard let entity = root.flatMap(catalog.entity) else { return [] }
        if let enumID = enumContext(words, entity) { return cases(enumID, word) }
        var keywords = ["and", "or", "not", "in", "null", "true", "false", "if", "by"]
        // The rest of an if once it has begun.
        if words.contains("if") { keywords += words.contains("then") ? ["else"] : ["then"] }
        return (entity.fields.map(\.name) + entity.conditions.map(\.name) + keywords + Array(Parser.functions))
            .filter { $0.hasPrefix(word) }.sortedUnique()
    }

    private func cases(_ enumID: String, _ word: String) -> [String] {
        catalog.enumType(enumID)?.cases.map(\.id).filter { $0.hasPrefix(word) } ?? []
    }

    /// The text of the statement being typed (after the last `;`).
    private func lastStatement(_ s: String) -> String {
        String(s.split(separator: ";", omittingEmptySubsequences: false).last ?? "")
    }

    /// `org.parent.` → ["org", "parent"].
    private func trailingPath(_ head: String) -> [String] {
        var chars = Array(head.dropLast())
        var token = ""
        while let c = chars.last, c.isLetter || c.isNumber || c == "_" || c == "." {
            token = String(c) + token
            chars.removeLast()
        }
        return token.split(separator: ".").map(String.init)
    }

    private func walk(_ entity: Entity, _ path: [String]) -> Entity? {
        var e = entity
        for name in path {
            guard let f = e.field(name), case .reference(let t) = f.type, let next = catalog.entity(t) else { return nil }
            e = next
        }
        return e
    }

    /// The enum type expected next: after `field ==`, `field !=`, `field in [a,`, ...
    private func enumContext(_ words: [String], _ entity: Entity) -> String? {
        let joined = words.joined(separator: " ")
        let ops = ["==", "!=", "<=", ">=", "<", ">", "in"]
        var tokens = joined.replacingOccurrences(of: "[", with: " [ ").replacingOccurrences(of: ",", with: " , ")
            .split(separator: " ").map(String.init)
        // Skip back over a list being typed.
        if let open = tokens.lastIndex(of: "["), !tokens[open...].contains("]") { tokens = Array(tokens[..<open]) }
        guard tokens.count >= 2, ops.contains(tokens[tokens.count - 1]) else { return nil }
        let path = tokens[tokens.count - 2].split(separator: ".").map(String.init)
        guard let last = path.last, let owner = walk(entity, Array(path.dropLast())), let f = owner.field(last),
              case .enumeration(let id) = f.type else { return nil }
        return id
    }
}

extension Array where Element == String {
    func sortedUnique() -> [String] { Array(Set(self)).sorted() }
}
