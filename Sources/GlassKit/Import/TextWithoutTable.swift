/// A file of a study that is no data: notes or a sample list kept beside the runs (`notes.txt`,
/// `Probenliste.csv`), whose columns name nothing glassview reads and which holds no row of
/// numbers. The study loader skips such a file with a warning (it stopped the whole study);
/// a file with a row of numbers is data that could not be read, and stays an error.
public enum TextWithoutTable {
    /// The largest file looked at (a notes file is small; a larger one that fails is an error).
    public static let maximumBytes = 1 << 20

    /// Whether `bytes` are text (no NUL) in which no line is a row of numbers: two or more
    /// fields, split at `,` `;` tabs and spaces, every non-empty one a number in either decimal
    /// mark (`12.3`, `12,3`, `-1e-3`).
    public static func holds(_ bytes: [UInt8]) -> Bool {
        guard bytes.count <= maximumBytes, !bytes.contains(0) else { return false }
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: true) {
            let fields = line.split(whereSeparator: { $0 == 0x2C || $0 == 0x3B || $0 == 0x09 || $0 == 0x20 || $0 == 0x0D })
            // `12,3;4,5` splits at its commas too: still numbers, still a row.
            if fields.count >= 2, fields.allSatisfy({ isNumber($0) }) { return false }
        }
        return true
    }

    /// `[sign] digits [mark digits] [e [sign] digits]`, or a mark then digits; `.` or `,` the mark.
    static func isNumber(_ f: ArraySlice<UInt8>) -> Bool {
        var i = f.startIndex
        if i < f.endIndex, f[i] == 0x2B || f[i] == 0x2D { i += 1 }
        var digits = 0
        while i < f.endIndex, f[i] >= 0x30, f[i] <= 0x39 { i += 1; digits += 1 }
        if i < f.endIndex, f[i] == 0x2E || f[i] == 0x2C {
            i += 1
            while i < f.endIndex, f[i] >= 0x30, f[i] <= 0x39 { i += 1; digits += 1 }
        }
        guard digits > 0 else { return false }
        if i < f.endIndex, f[i] == 0x65 || f[i] == 0x45 {
            i += 1
            if i < f.endIndex, f[i] == 0x2B || f[i] == 0x2D { i += 1 }
            let from = i
            while i < f.endIndex, f[i] >= 0x30, f[i] <= 0x39 { i += 1 }
            guard i > from else { return false }
        }
        return i == f.endIndex
    }
}
