import CosoCore

/// What a generated member's work shapes (occupation, schooling, political theory), faith and
/// people, drawn with the district demo's weights. Shared by every generator; the weight tables
/// are built once (the country generator draws them 5.6 million times).
enum MemberTraits {
    typealias Weights = [(String, Double)]

    static let villageOld: Weights = [("retired", 55.0), ("farmer", 40.0), ("self_employed", 5.0)]
    static let villageWorking: Weights = [("farmer", 70.0), ("self_employed", 14.0), ("worker", 6.0), ("private_business_owner", 2.0), ("other", 8.0)]
    static let khoEducation: Weights = [("primary", 15.0), ("lower_secondary", 50.0), ("upper_secondary", 35.0)]
    static let kinhEducation: Weights = [("lower_secondary", 30.0), ("upper_secondary", 70.0)]
    static let villageQualification: Weights = [("none", 75.0), ("vocational", 15.0), ("professional_secondary", 7.0), ("university", 3.0)]
    static let villageTheory: Weights = [("none", 35.0), ("elementary", 55.0), ("intermediate", 10.0)]
    static let forcesQualification: Weights = [("professional_secondary", 40.0), ("university", 60.0)]
    static let forcesTheory: Weights = [("elementary", 40.0), ("intermediate", 50.0), ("advanced", 10.0)]
    static let schoolQualification: Weights = [("college", 20.0), ("university", 70.0), ("master", 10.0)]
    static let schoolTheory: Weights = [("none", 10.0), ("elementary", 60.0), ("intermediate", 30.0)]
    static let healthQualification: Weights = [("professional_secondary", 30.0), ("university", 60.0), ("master", 10.0)]
    static let healthTheory: Weights = [("none", 15.0), ("elementary", 60.0), ("intermediate", 25.0)]
    static let officeOccupation: Weights = [("civil_servant", 70.0), ("public_employee", 30.0)]
    static let officeQualification: Weights = [("university", 80.0), ("master", 15.0), ("college", 5.0)]
    static let officeTheory: Weights = [("elementary", 25.0), ("intermediate", 55.0), ("advanced", 15.0), ("bachelor", 5.0)]
    static let enterpriseQualification: Weights = [("vocational", 30.0), ("college", 20.0), ("university", 50.0)]
    static let enterpriseTheory: Weights = [("none", 30.0), ("elementary", 55.0), ("intermediate", 15.0)]
    static let kinhAreaEthnicity: Weights = [("kinh", 93.0), ("tay", 2.0), ("nung", 2.0), ("hoa", 1.0), ("ma", 1.0), ("chu_ru", 1.0)]
    static let khoReligion: Weights = [("protestant", 35.0), ("catholic", 35.0), ("none", 30.0)]
    static let kinhReligion: Weights = [("none", 68.0), ("buddhism", 14.0), ("catholic", 14.0), ("protestant", 1.5), ("caodai", 2.5)]
    static let memberRating: Weights = [("excellent", 12.0), ("good", 70.0), ("completed", 16.0), ("failed", 2.0)]
    static let orgRating: Weights = [("excellent", 15.0), ("good", 65.0), ("completed", 17.0), ("failed", 3.0)]

    /// A member's age at `reference`, birth date and admission: villages keep many retired members,
    /// agencies are of working age; admitted between 19 and 45, never after `reference`; a member
    /// who `mustBeOfficial` was admitted over 13 months before it; about 3.5% of members are
    /// admitted each year (T6), recent admissions among the young.
    /// R4: the admission ceremony within 30 working days of the decision, recorded from 2018 (the
    /// history's start); R5: probation runs twelve months from it (from the decision when none is
    /// recorded), so a full member's ceremony falls a year or more before the reference date.
    /// The offset is read from a copy of the generator: the caller's draws stay those of every
    /// earlier release (which drew it later, unused by the confirmation), and so does the demo.
    static func ceremony(admitted: LocalDate, probationary: Bool, reference ref: LocalDate, firstYear: Int,
                         _ random: SeededRandom) -> (date: LocalDate, recorded: Bool, probationStart: LocalDate) {
        var fork = random
        var date = admitted.adding(days: fork.int(7...28))
        if !probationary { date = min(date, ref.adding(months: -12)) }
        let recorded = admitted.year >= firstYear && date <= ref
        return (date, recorded, recorded ? date : admitted)
    }

    static func lifeDates(_ profile: Profile, mustBeOfficial: Bool, reference ref: LocalDate,
                          _ random: inout SeededRandom) -> (age: Int, born: LocalDate, admitted: LocalDate) {
        let age: Int
        switch profile {
        case .village: age = random.chance(0.3) ? random.int(60...88) : random.int(24...59)
        case .forces: age = random.int(22...50)
        default: age = random.int(25...59)
        }
        let born = LocalDate(year: ref.year - age, month: random.int(1...12), day: random.int(1...28))!
        let earliest = born.adding(months: 12 * 19)
        let latest = min(born.adding(months: 12 * min(age, 45)), ref)
        var admitted = earliest.adding(days: random.int(0...max(0, latest.dayNumber - earliest.dayNumber)))
        if mustBeOfficial, admitted > ref.adding(months: -13) { admitted = ref.adding(months: -13 - random.int(0...60)) }
        if admitted < earliest { admitted = earliest }
        if !mustBeOfficial, age <= 45, random.chance(0.07) { admitted = max(earliest, ref.adding(days: -random.int(1...364))) }
        return (age, born, admitted)
    }

    /// The cells of a commune's agencies and forces: (name, sector, profile, how many members).
    static func communeAgencies(place: String, local: String) -> [(String, String, Profile, ClosedRange<Int>)] {
        [
            ("Chi bộ Cơ quan \(place)", "commune_office", .office, 10...22),
            ("Chi bộ Trường Tiểu học \(local)", "school", .school, 4...10),
            ("Chi bộ Trạm Y tế \(place)", "health", .health, 3...6),
            ("Chi bộ Quân sự \(place)", "military", .forces, 3...7),
            ("Chi bộ Công an \(place)", "police", .forces, 3...8),
        ]
    }

    /// (occupation, education, qualification, theory).
    static func background(_ profile: Profile, age: Int, kho: Bool, _ random: inout SeededRandom) -> (String, String, String, String) {
        switch profile {
        case .village:
            let occupation = random.weighted(age >= 60 ? villageOld : villageWorking)
            let education = random.weighted(kho ? khoEducation : kinhEducation)
            return (occupation, education, random.weighted(villageQualification), random.weighted(villageTheory))
        case .forces:
            return ("armed_forces", "upper_secondary", random.weighted(forcesQualification), random.weighted(forcesTheory))
        case .school:
            return ("public_employee", "upper_secondary", random.weighted(schoolQualification), random.weighted(schoolTheory))
        case .health:
            return ("public_employee", "upper_secondary", random.weighted(healthQualification), random.weighted(healthTheory))
        case .office:
            return (random.weighted(officeOccupation), "upper_secondary", random.weighted(officeQualification), random.weighted(officeTheory))
        case .enterprise:
            return ("enterprise_employee", "upper_secondary", random.weighted(enterpriseQualification), random.weighted(enterpriseTheory))
        }
    }

    static func workStatus(occupation: String) -> String {
        switch occupation {
        case "civil_servant": return "civil_servant"
        case "public_employee": return "public_employee"
        case "armed_forces": return "armed_forces"
        case "enterprise_employee": return "enterprise"
        case "retired": return "retired"
        case "student": return "student"
        default: return "farmer_or_freelance"
        }
    }

    static func theoryRank(_ level: String) -> Int {
        switch level {
        case "elementary": return 1
        case "intermediate": return 2
        case "advanced": return 3
        case "bachelor": return 4
        default: return 0
        }
    }
}
