/// An input problem reported to the user as one line: `FILE:LINE: message`.
///
/// SPEC §2.5: every file that cannot be used names the file, the line (when one
/// is to blame) and what was expected. Options are named by `option`.
public struct GlassError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What went wrong, and so which exit status the command line gives.
    public enum Kind: Sendable, Equatable {
        /// The bytes of a file are not usable data (sysexits EX_DATAERR, 65).
        case data
        /// A file or directory is missing or unreadable (EX_NOINPUT, 66).
        case noInput
        /// An option or setting is invalid for this study (EX_USAGE, 64).
        case usage
        /// An output file could not be written (EX_CANTCREAT, 73).
        case cannotCreate
    }

    /// The kind of failure.
    public var kind: Kind
    /// The file (relative to the study when known) or the option at fault.
    public var file: String?
    /// The 1-based line in `file`, when a line is to blame.
    public var line: Int?
    /// What was found and what was expected.
    public var message: String
    /// The columns of the file do not say what it holds, or lack one its kind needs (a
    /// temperature): a study skips such a file when it is text without a row of numbers
    /// (``TextWithoutTable``), a notes file beside the runs.
    public var columnsUnknown = false

    /// Creates an error; `file` and `line` are optional context.
    public init(_ kind: Kind = .data, file: String? = nil, line: Int? = nil, _ message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.message = message
    }

    /// The one-line form `file:line: message`.
    public var description: String {
        var prefix = ""
        if let file { prefix = file + (line.map { ":\($0)" } ?? "") + ": " }
        return prefix + message.replacingLiteral("\n", with: " ")
    }

    /// The process exit status for this error (all below 128, sysexits.h).
    public var exitCode: Int32 {
        switch kind {
        case .data: return 65
        case .noInput: return 66
        case .usage: return 64
        case .cannotCreate: return 73
        }
    }
}
