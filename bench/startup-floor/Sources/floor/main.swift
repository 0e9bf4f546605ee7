import Foundation

// Uses Foundation once, as coso does at every start (GRDB needs it), and prints a line.
print(ProcessInfo.processInfo.environment["HOME"] != nil ? "359" : "0")
