import GlassKit
import GlassPlatform

/// Command-line arguments that are not UTF-8 (`caf\xE9`, a Latin-1 name typed by completion):
/// Swift hands them over with U+FFFD for the bytes it cannot decode, so a study was "not found"
/// under a name it does not have and `-o out\xE9.json` wrote `out\xEF\xBF\xBD.json`, over any file of that
/// name. They are refused before anything is read or written; inside a study such names are read
/// by their bytes (`PathBytes`).
enum ArgumentBytes {
    /// The first argument after the program's name whose bytes are not UTF-8, shown with `\xNN`.
    static func firstNotUTF8() -> String? {
        for k in 1..<Int(CommandLine.argc) {
            guard let p = CommandLine.unsafeArgv[k] else { continue }
            let bytes = Array(UnsafeBufferPointer(start: UnsafeRawPointer(p).assumingMemoryBound(to: UInt8.self), count: strlen(p)))
            if String(validating: bytes, as: UTF8.self) == nil { return PathBytes.shown(PathBytes.name(bytes)) }
        }
        return nil
    }

    /// The usage error (64) for an argument that is not UTF-8, if any.
    static func check() -> GlassError? {
        firstNotUTF8().map {
            GlassError(.usage, file: $0, "is not UTF-8; expected arguments in UTF-8 (rename the file or directory, e.g. with convmv -f latin1 -t utf8; the files inside a study may have such names)")
        }
    }
}
