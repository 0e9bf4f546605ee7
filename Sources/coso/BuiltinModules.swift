import CosoCore
import CosoInspection
import CosoMembers
import CosoOrganisations
import CosoPropaganda
import CosoTargets

/// The one list of built-in modules (like Lua's linit.c). A new module is one target under
/// Plugins/ and one line here.
enum BuiltinModules {
    static let all: [any CosoModule] = [
        OrganisationsModule(),
        MembersModule(),
        InspectionModule(),
        PropagandaModule(),
        TargetsModule(),
    ]
}
