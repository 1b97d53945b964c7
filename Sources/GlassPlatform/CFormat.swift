#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// C's number conversions in the C locale, for every module (GlassPlot depends on nothing else):
/// `.` is the decimal mark whatever locale the process set (the explorer sets the user's character
/// set for the terminal; a library's client may set more). `printf` gives what Foundation's
/// `String(format:)` gave for numeric conversions, without Foundation, which would link Foundation,
/// CoreFoundation and ICU into the binary (a third of its size and of its start-up; issue 11).
public enum CFormat {
    /// `args` formatted by `format` in the C locale, whatever locale the process set (the explorer
    /// sets the user's for the terminal).
    public static func printf(_ format: String, _ args: CVarArg...) -> String {
        var capacity = 64
        while true {
            let (count, text) = withVaList(args) { list -> (Int32, String?) in
                var buffer = [CChar](repeating: 0, count: capacity)
                let n = withCLocale { vsnprintf(&buffer, capacity, format, list) }
                guard n >= 0, Int(n) < capacity else { return (n, nil) }
                return (n, String(decoding: buffer.prefix(Int(n)).map { UInt8(bitPattern: $0) }, as: UTF8.self))
            }
            if let text { return text }
            guard count >= 0 else { return "" }
            capacity = Int(count) + 1   // longer than the buffer: once more, with room for all of it
        }
    }

    /// `body` run with this thread in the C locale (`uselocale`: other threads are not affected),
    /// for C functions that read the locale, such as `strtod` and `printf`.
    public static func withCLocale<T>(_ body: () throws -> T) rethrows -> T {
        let saved = uselocale(cLocale)
        defer { uselocale(saved) }
        return try body()
    }

    /// The C locale: its numeric category asked for, the others from no base, which is C too (POSIX).
    nonisolated(unsafe) private static let cLocale = newlocale(1 << LC_NUMERIC, "C", nil)
}
