import GlassPlatform

/// Bytes written straight to standard output or standard error (write(2), unbuffered, as
/// Foundation's `FileHandle` wrote them; FileHandle would link Foundation, CoreFoundation and ICU
/// into the binary).
enum StandardStreams {
    /// Writes `bytes` to standard output.
    static func out(_ bytes: [UInt8]) { write(1, bytes) }

    /// Writes `text` to standard output.
    static func out(_ text: String) { write(1, Array(text.utf8)) }

    /// Writes `text` to standard error.
    static func error(_ text: String) { write(2, Array(text.utf8)) }

    /// All of `bytes` to `fd`, resuming after interrupted or partial writes; stops at an error
    /// (a closed pipe: there is no one left to tell).
    private static func write(_ fd: Int32, _ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            guard var p = buffer.baseAddress else { return }
            var left = buffer.count
            while left > 0 {
                let n = systemWrite(fd, p, left)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return }
                p += n
                left -= n
            }
        }
    }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif
