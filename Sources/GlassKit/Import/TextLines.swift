import GlassPlatform

/// Line boundaries of a UTF-8 buffer (LF or CRLF), computed once in O(n).
///
/// One table of offsets serves both ends of every line: the offset just past each line's LF
/// (`next`), stored as `UInt32` for texts below 4 GiB (4 bytes a line instead of the 16 of two
/// `Int` arrays: a 10^6-line file costs 4 MB). `starts[i]` is `next[i − 1]`; `ends[i]` is
/// `next[i] − 1`, less a CR before it.
public struct TextLines: Sendable {
    /// The whole text.
    public let bytes: [UInt8]
    /// Offsets just past each line's terminator (`bytes.count + 1` for a last line without one).
    private let next: Offsets

    private enum Offsets: Sendable {
        case narrow([UInt32])
        case wide([Int])

        @inline(__always) subscript(i: Int) -> Int {
            switch self {
            case .narrow(let a): return Int(a[i])
            case .wide(let a): return a[i]
            }
        }

        var count: Int {
            switch self {
            case .narrow(let a): return a.count
            case .wide(let a): return a.count
            }
        }
    }

    /// Start offsets of each line (`starts[i]`, `starts.count`).
    public var starts: Starts { Starts(lines: self) }
    /// End offsets (exclusive, before any CR) of each line (`ends[i]`, `ends.count`).
    public var ends: Ends { Ends(lines: self) }

    /// `starts[i]`: where line `i` begins.
    public struct Starts: Sendable {
        let lines: TextLines
        /// Number of lines.
        public var count: Int { lines.count }
        /// Start offset of line `i`.
        @inline(__always) public subscript(i: Int) -> Int { lines.start(i) }
    }

    /// `ends[i]`: where line `i` ends (exclusive, before a CR).
    public struct Ends: Sendable {
        let lines: TextLines
        /// Number of lines.
        public var count: Int { lines.count }
        /// End offset of line `i`.
        @inline(__always) public subscript(i: Int) -> Int { lines.end(i) }
    }

    /// Splits `bytes` into lines: the LFs of each 8-byte word at once (a `memchr` call per line
    /// cost more than the search itself on lines of 20–30 bytes), the last partial word byte by byte.
    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        let n = bytes.count
        func scan<T: FixedWidthInteger>(_ type: T.Type) -> [T] {
            var out = [T]()
            out.reserveCapacity(n / 20 + 4)
            bytes.withUnsafeBufferPointer { buf in
                guard let base = buf.baseAddress else { return }
                var i = 0
                let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F, lf: UInt64 = 0x0A0A_0A0A_0A0A_0A0A
                while i + 8 <= n {
                    // The high bit of each byte that is LF, exactly (no carry crosses a byte).
                    let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self).littleEndian ^ lf
                    var hits = ~(((x & low7) &+ low7) | x | low7)
                    while hits != 0 {
                        out.append(T(i + hits.trailingZeroBitCount >> 3 + 1))
                        hits &= hits &- 1
                    }
                    i += 8
                }
                while i < n {
                    if base[i] == 0x0A { out.append(T(i + 1)) }
                    i += 1
                }
                if out.last.map({ Int($0) != n }) ?? (n > 0) { out.append(T(n + 1)) }
            }
            return out
        }
        next = n < Int(UInt32.max) - 1 ? .narrow(scan(UInt32.self)) : .wide(scan(Int.self))
    }

    /// Number of lines.
    public var count: Int { next.count }

    /// Start offset of line `i`.
    @inline(__always) public func start(_ i: Int) -> Int { i == 0 ? 0 : next[i - 1] }

    /// End offset of line `i` (exclusive, before a CR).
    @inline(__always) public func end(_ i: Int) -> Int {
        var e = next[i] - 1
        if e > start(i), bytes[e - 1] == 0x0D { e -= 1 }
        return e
    }

    /// Line `i` (0-based) as a string.
    public func string(_ i: Int) -> String {
        String(decoding: bytes[start(i)..<end(i)], as: UTF8.self)
    }

    /// True when line `i` holds only spaces and tabs.
    public func isBlank(_ i: Int) -> Bool {
        var j = start(i)
        let e = end(i)
        while j < e { if bytes[j] != 0x20 && bytes[j] != 0x09 { return false }; j += 1 }
        return true
    }

    /// First non-space byte of line `i`, if any.
    public func firstByte(_ i: Int) -> UInt8? {
        var j = start(i)
        let e = end(i)
        while j < e { if bytes[j] != 0x20 && bytes[j] != 0x09 { return bytes[j] }; j += 1 }
        return nil
    }

    /// True when line `i`, without surrounding spaces/tabs, is exactly `word` (ASCII), compared
    /// on bytes: format detection runs this over hundreds of lines of every file.
    public func trimmedEquals(_ i: Int, _ word: StaticString) -> Bool {
        var a = start(i), b = end(i)
        while a < b, bytes[a] == 0x20 || bytes[a] == 0x09 { a += 1 }
        while b > a, bytes[b - 1] == 0x20 || bytes[b - 1] == 0x09 { b -= 1 }
        guard b - a == word.utf8CodeUnitCount else { return false }
        let w = word.utf8Start
        for k in 0..<(b - a) where bytes[a + k] != w[k] { return false }
        return true
    }

    /// True when line `i` holds `byte`.
    public func contains(_ i: Int, byte: UInt8) -> Bool {
        var j = start(i)
        let e = end(i)
        while j < e { if bytes[j] == byte { return true }; j += 1 }
        return false
    }

    /// True when line `i` holds `word` (lower-case ASCII letters) in any case of its letters,
    /// compared on bytes.
    public func containsCaseless(_ i: Int, _ word: StaticString) -> Bool {
        bytes.withUnsafeBufferPointer { ASCIICaseless.contains(word, in: $0, from: start(i), to: end(i)) }
    }
}
