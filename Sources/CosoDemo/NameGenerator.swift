/// Vietnamese (Kinh) and K'Ho names from the weighted lists in `DemoData`.
struct NameGenerator {
    let surnames: [(String, Double)]
    let middle: [String: [(String, Double)]]
    let given: [String: [(String, Double)]]

    init() {
        var s: [(String, Double)] = [], m: [String: [(String, Double)]] = [:], g: [String: [(String, Double)]] = [:]
        for n in DemoData.kinhNames {
            switch n.part {
            case "surname": s.append((n.value, n.weight))
            case "middle": m[n.gender, default: []].append((n.value, n.weight))
            default: g[n.gender, default: []].append((n.value, n.weight))
            }
        }
        surnames = s; middle = m; given = g
    }

    /// "Nguyễn Văn An"; female names use the `f` lists.
    func kinh(female: Bool, _ random: inout SeededRandom) -> String {
        let key = female ? "f" : "m"
        return [random.weighted(surnames), random.weighted(middle[key]!), random.weighted(given[key]!)].joined(separator: " ")
    }

    /// Di Linh K'Ho usage: K' before a man's name, Ka before a woman's.
    func kho(female: Bool, _ random: inout SeededRandom) -> String {
        let list = female ? DemoData.khoWomen : DemoData.khoMen
        return list[random.int(0...(list.count - 1))]
    }
}
