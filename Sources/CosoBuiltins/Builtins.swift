import CosoCore
import CosoInspection
import CosoMembers
import CosoOrganisations
import CosoPropaganda
import CosoTargets

/// The one list of built-in modules (like Lua's linit.c), in a library of its own so that the
/// `coso` executable, a package building its own coso with more modules, and the tests all use it.
/// A built-in module is one target under Plugins/ and one line here.
public enum Builtins {
    public static let all: [any CosoModule] = [
        OrganisationsModule(),
        MembersModule(),
        InspectionModule(),
        PropagandaModule(),
        TargetsModule(),
    ]
}
