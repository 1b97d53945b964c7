import ArgumentParser
import GlassPlatform
import GlassKit

/// The `glassview` command: the explorer by default, plus `analyze`, `master`, `plot`, `simulate`, `bench`.
@main
struct Glassview: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glassview",
        abstract: "Explore DSC and DMA data of bulk metallic glasses: rejuvenation enthalpy, relaxation fits, master curves.",
        discussion: """
        A study is a directory of data files (*.csv *.tsv *.txt *.dat: glassview's native format and \
        the text exports of NETZSCH Proteus, TA Universal Analysis and TRIOS, METTLER STARe, \
        PerkinElmer Pyris, GABO Eplexor and pyvisco; docs/formats.md) with an optional study.toml. \
        `man glassview` lists every command and option; docs/ in the source repository holds the \
        method reference (docs/method.md: every formula and unit), the export keys (docs/export.md), \
        study.toml (docs/study-toml.md) and the reading rules (docs/reading-rules.md).
        """,
        version: GlassKit.version,
        subcommands: [Explore.self, Analyze.self, Master.self, Plot.self, Simulate.self, Bench.self],
        defaultSubcommand: Explore.self
    )
}

/// The one exit path of every command. Option values are checked in `validate()` (each command's,
/// and `SettingsOptions`' / `OutputOption`'s as option groups), which throws a `GlassError(.usage, …)`;
/// `run()` throws `GlassError`s for everything found later (files, data, output). Both end here:
/// one line `glassview: --opt: '…'; expected …` on stderr and the error's status (64 for usage,
/// SPEC §2.5), never ArgumentParser's usage dump. Malformed command lines (an unknown option, a
/// missing argument, a value of the wrong type) are one line too, with ArgumentParser's message;
/// `--help` and `--version` stay ArgumentParser's.
extension Glassview {
    static func main() {
        if let e = ArgumentBytes.check() { exitWithError(e) }
        // A command line that loads early names its command (`analyze`, `plot`, `master`): nothing
        // mistyped to check, and the check would build every command's help first (the explorer's
        // key table, half a millisecond before the study could start loading).
        var command: any ParsableCommand
        if let early = EarlyLoad.parseWhileLoading(CommandLine.arguments, parse: parsedOrExit) {
            command = early
        } else {
            MistypedCommand.check(CommandLine.arguments)
            command = parsedOrExit()
        }
        do {
            try command.run()
        } catch {
            exitWithError(error)
        }
    }

    /// The command of the command line; a malformed one (or a request for help) ends the process.
    static func parsedOrExit() -> ParsableCommand {
        do {
            return try parseAsRoot()
        } catch {
            guard let usage = glassError(thrownBy: error) else { exitMalformed(error) }
            exitWithError(usage)
        }
    }

    /// A command line ArgumentParser refused (an unknown option, a missing or mistyped value):
    /// one line, `glassview: MESSAGE (see glassview … --help)`, with its status (64), as every
    /// other refusal. `--help`, `--version` and the like (status 0) stay ArgumentParser's.
    static func exitMalformed(_ error: Error) -> Never {
        let code = exitCode(for: error)
        guard code != .success else { exitRequested(error) }
        let message = Self.message(for: error).split(separator: "\n").first.map(String.init) ?? "malformed command line"
        // The command and its subcommand (`simulate dma`): the help that lists the refused option.
        var command = "", commands = configuration.subcommands
        for word in CommandLine.arguments.dropFirst() where !word.hasPrefix("-") {
            guard let named = commands.first(where: { $0._commandName == word }) else { break }
            command += " " + word
            commands = named.configuration.subcommands
        }
        StandardStreams.error("glassview: \(message) (see glassview\(command) --help)\n")
        exitProcess(code.rawValue)
    }

    /// Help, the version, a completion script (ArgumentParser's requests, status 0): its text,
    /// written as every output is (a failed write, `--help > /dev/full`, is 73, not success).
    static func exitRequested(_ error: Error) -> Never {
        var text = fullMessage(for: error)
        if CommandLine.arguments.contains(where: { $0.hasPrefix("--generate-completion-script") }) {
            text = DefaultCommandCompletion.patched(text)
        }
        StandardStreams.out(text + "\n")
        exitProcess(0)
    }

    /// The `GlassError` a `validate()` threw. ArgumentParser hands it back wrapped in its own
    /// error type (which would print it as `Error: …` with usage and status 1), so it is looked
    /// for among the stored values of that wrapper; nil for ArgumentParser's own errors.
    static func glassError(thrownBy error: Error) -> GlassError? {
        var pending: [(value: Any, depth: Int)] = [(error, 0)]
        while let (value, depth) = pending.popLast() {
            if let found = value as? GlassError { return found }
            guard depth < 4 else { continue }
            pending += Mirror(reflecting: value).children.map { ($0.value, depth + 1) }
        }
        return nil
    }
}

/// Prints a `GlassError` as one line `glassview: MESSAGE` and exits with its status (below 128,
/// SPEC §2.5). Any other error is ArgumentParser's (an `ExitCode`, the `help` command's request for
/// help) and goes to its own exit.
func exitWithError(_ error: Error) -> Never {
    if let b = error as? BenchFailure {
        StandardStreams.error("glassview: " + printable(b.message) + "\n")
        exit(b.status)
    }
    guard let g = error as? GlassError else {
        // `glassview help plot` asks for help from its run().
        if Glassview.exitCode(for: error) == .success { Glassview.exitRequested(error) }
        Glassview.exit(withError: error)
    }
    StandardStreams.error("glassview: " + printable(g.description) + "\n")
    exit(g.exitCode)
}

/// A message as one readable line: control characters a file's text brought in (`dsc\r` from CR CR
/// LF line ends, escape sequences) shown as escapes, not acted on by the terminal; a message
/// swollen by an echoed value (a 100,000-digit number) cut in its middle.
func printable(_ message: String) -> String {
    var out = String.UnicodeScalarView()
    for u in message.unicodeScalars {
        switch u.value {
        case 0x0D: out.append(contentsOf: "\\r".unicodeScalars)
        case 0x0A: out.append(contentsOf: "\\n".unicodeScalars)
        case 0x09: out.append(contentsOf: "\\t".unicodeScalars)
        // U+2028 and U+2029 too: terminals and editors break the line there (a study.toml value
        // holding one made its error two lines).
        case 0..<0x20, 0x7F, 0x80..<0xA0, 0x2028, 0x2029:
            out.append(contentsOf: ("\\u{" + String(u.value, radix: 16, uppercase: true) + "}").unicodeScalars)
        case PathBytes.rawByteScalars:   // a byte of a file name that is not UTF-8
            out.append(contentsOf: ("\\x" + String(u.value - 0x10FF00, radix: 16, uppercase: true)).unicodeScalars)
        default: out.append(u)
        }
    }
    let limit = 2_000, keepEnd = 500
    guard out.count > limit else { return String(out) }
    return String(String.UnicodeScalarView(out.prefix(limit - keepEnd))) + " … " + String(String.UnicodeScalarView(out.suffix(keepEnd)))
}

/// Ends the process with `status` (the C library's `exit`, which a command type's own `exit`
/// method hides inside its extensions).
func exitProcess(_ status: Int32) -> Never {
    exit(status)
}
