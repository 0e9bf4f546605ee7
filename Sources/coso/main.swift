import CosoBuiltins
import CosoCLI

// The coso executable: the command line with the built-in modules. A package adding modules of
// its own builds its coso the same way: `Coso.main(modules: Builtins.all + [MyModule()])`.
Coso.main(modules: Builtins.all)
