import Assignments
import CosoBuiltins
import CosoCLI

// coso with the assignments module: every command, entity and report of coso, and this module's.
Coso.main(modules: Builtins.all + [AssignmentsModule()])
