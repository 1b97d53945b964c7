import ArgumentParser
import GlassIO
import GlassKit

/// A command name typed wrong (`glassview analyse s`) was taken for a study path by the default
/// command, the explorer: "analyse: no such study directory or file", or ArgumentParser's
/// "Unknown option '--format'" for the explorer's options. A first word that names no file and is
/// within two edits of a command is a usage error that names the command meant; `help` of a
/// command glassview does not have is one too (it printed the top-level help, status 0).
enum MistypedCommand {
    static func check(_ arguments: [String]) {
        guard arguments.count >= 2 else { return }
        let commands = Glassview.configuration.subcommands.map { $0._commandName }
        let first = arguments[1]
        if first == "help", arguments.count >= 3, !arguments[2].hasPrefix("-"), !commands.contains(arguments[2]) {
            exitWithError(GlassError(.usage, file: "help", "no command '\(arguments[2])'; expected one of: \(commands.joined(separator: ", "))"))
        }
        guard !first.hasPrefix("-"), !first.contains("/"), first != "help", !commands.contains(first),
              PathInfo.isDirectory(first) == nil else { return }
        let typed = first.lowercased()
        guard let near = commands.min(by: { StudyToml.editDistance(typed, $0) < StudyToml.editDistance(typed, $1) }),
              StudyToml.editDistance(typed, near) <= 2 else { return }
        exitWithError(GlassError(.usage, file: first, "no such study, and no such command; did you mean 'glassview \(near)'?"))
    }
}
