import GlassPlatform
import GlassKit
import GlassTUI

/// Bytes written straight to standard output or standard error (write(2), unbuffered, as
/// Foundation's `FileHandle` wrote them; FileHandle would link Foundation, CoreFoundation and ICU
/// into the binary). A failed write to standard output is an error like a failed `-o` file
/// (status 73: `> /dev/full` must not look like success); a closed pipe (EPIPE, when SIGPIPE is
/// ignored) ends the output quietly, as `head` downstream expects.
enum StandardStreams {
    /// Writes `bytes` to standard output; a `GlassError` (73, naming standard output) when it fails.
    static func checkedOut(_ bytes: [UInt8]) throws {
        guard let code = write(1, bytes), code != EPIPE else { return }
        throw GlassError(.cannotCreate, file: "standard output", String(cString: strerror(code)))
    }

    /// Writes `bytes` to standard output; a failure ends the process through the one exit path.
    static func out(_ bytes: [UInt8]) {
        do { try checkedOut(bytes) } catch { exitWithError(error) }
    }

    /// Writes `text` to standard output; a failure ends the process through the one exit path.
    static func out(_ text: String) { out(Array(text.utf8)) }

    /// Writes `text` to standard error (a failure there has no one left to tell), in the locale's
    /// character set as stdout's text for a person is (`plot`, `--format table`): every error,
    /// warning and note passes here, so none writes UTF-8 bytes (`ΔH_rej`) to a terminal in a
    /// locale that is not UTF-8 (`dH_rej` there). Files written stay UTF-8.
    static func error(_ text: String) {
        TerminalLocale.adopt()
        _ = write(2, Array(AsciiSpelling.fit(text, unicode: PlotOutput.localeIsUTF8()).utf8))
    }

    /// All of `bytes` to `fd`, resuming after interrupted or partial writes; the `errno` of the
    /// write that failed, nil when every byte was written.
    private static func write(_ fd: Int32, _ bytes: [UInt8]) -> Int32? {
        bytes.withUnsafeBytes { buffer in
            guard var p = buffer.baseAddress else { return nil }
            var left = buffer.count
            while left > 0 {
                let n = systemWrite(fd, p, left)
                if n < 0 && errno == EINTR { continue }
                if n < 0 { return errno }
                if n == 0 { return EIO }   // no progress and no reason: not worth spinning on
                p += n
                left -= n
            }
            return nil
        }
    }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif
