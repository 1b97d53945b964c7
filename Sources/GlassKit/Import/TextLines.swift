/// Line boundaries of a UTF-8 buffer (LF or CRLF), computed once in O(n).
public struct TextLines: Sendable {
    /// The whole text.
    public let bytes: [UInt8]
    /// Start offsets of each line.
    public private(set) var starts: [Int] = []
    /// End offsets (exclusive, before any CR) of each line.
    public private(set) var ends: [Int] = []

    /// Splits `bytes` into lines.
    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        let n = bytes.count
        starts.reserveCapacity(n / 24 + 4)
        ends.reserveCapacity(n / 24 + 4)
        bytes.withUnsafeBufferPointer { buf in
            var start = 0
            var i = 0
            while i < n {
                if buf[i] == 0x0A {
                    var e = i
                    if e > start, buf[e - 1] == 0x0D { e -= 1 }
                    starts.append(start); ends.append(e)
                    start = i + 1
                }
                i += 1
            }
            if start < n {
                var e = n
                if e > start, buf[e - 1] == 0x0D { e -= 1 }
                starts.append(start); ends.append(e)
            }
        }
    }

    /// Number of lines.
    public var count: Int { starts.count }

    /// Line `i` (0-based) as a string.
    public func string(_ i: Int) -> String {
        String(decoding: bytes[starts[i]..<ends[i]], as: UTF8.self)
    }

    /// True when line `i` holds only spaces and tabs.
    public func isBlank(_ i: Int) -> Bool {
        var j = starts[i]
        while j < ends[i] { if bytes[j] != 0x20 && bytes[j] != 0x09 { return false }; j += 1 }
        return true
    }

    /// First non-space byte of line `i`, if any.
    public func firstByte(_ i: Int) -> UInt8? {
        var j = starts[i]
        while j < ends[i] { if bytes[j] != 0x20 && bytes[j] != 0x09 { return bytes[j] }; j += 1 }
        return nil
    }

    /// True when line `i`, without surrounding spaces/tabs, is exactly `word` (ASCII), compared
    /// on bytes: format detection runs this over hundreds of lines of every file.
    public func trimmedEquals(_ i: Int, _ word: StaticString) -> Bool {
        var a = starts[i], b = ends[i]
        while a < b, bytes[a] == 0x20 || bytes[a] == 0x09 { a += 1 }
        while b > a, bytes[b - 1] == 0x20 || bytes[b - 1] == 0x09 { b -= 1 }
        guard b - a == word.utf8CodeUnitCount else { return false }
        let w = word.utf8Start
        for k in 0..<(b - a) where bytes[a + k] != w[k] { return false }
        return true
    }
}
