import GlassPlatform

/// Parses the numeric columns of a `RawTable` that an analysis needs (SPEC §2.4: every row
/// has as many fields as the header; NaN, Inf, empty or non-numeric fields are errors).
public enum TableReader {
    /// Tables with at least this many rows are parsed in parallel, in contiguous blocks of rows.
    public static let parallelRows = 100_000

    /// Values of the columns `indices` for every data row, in row order, and each row's 1-based line.
    ///
    /// One pass over each row's bytes: fields are located in place and parsed without copies
    /// (`NumberParser`), straight into arrays allocated once at their final size. A large table is
    /// cut into one block of rows per core, parsed concurrently into its part of those arrays; the
    /// error thrown is the first in line order, as when parsing sequentially. A table read while
    /// its file was streamed (`RawTable.streamed`) already holds its columns (or its first error).
    public static func columns(_ table: RawTable, _ indices: [Int]) throws -> (values: [[Double]], lines: RowLines) {
        if table.planningColumns { throw DatasetBuilder.ColumnsPlan(indices: indices) }
        if let s = table.streamed {
            guard s.indices == indices else {
                throw GlassError(file: table.path, "columns \(indices.map { $0 + 1 }) were asked for, but columns \(s.indices.map { $0 + 1 }) were read (an internal error: please report it)")
            }
            if let failure = s.failure { throw failure }
            return (s.values, s.lines)
        }
        if table.stepColumns != nil {
            // Each step's rows with its own names row: its field count, its fields, its header line.
            var values = [[Double]](repeating: [], count: indices.count)
            var lines = RowLines()
            for (part, fields) in table.blocks() {
                let (v, l) = try columns(part, indices.map { $0 >= 0 && $0 < fields.count ? fields[$0] : $0 })
                for k in values.indices { values[k].append(contentsOf: v[k]) }
                lines.append(contentsOf: l)
            }
            return (values, lines)
        }
        let rows = table.dataLines.count
        let values = try withColumns(indices.count, rows) { columns in
            try fill(table, indices, rows, columns)
        }
        return (values, RowLines(table.dataLines.lazy.map { $0 + 1 }))
    }

    /// `count` arrays of `rows` doubles, each allocated once; `body` receives their buffers and
    /// must initialise every element (or throw, leaving the arrays empty).
    static func withColumns(_ count: Int, _ rows: Int, _ body: ([UnsafeMutableBufferPointer<Double>]) throws -> Void) throws -> [[Double]] {
        try withColumns(count, rows, rows: { rows }, body)
    }

    /// `count` arrays with room for `capacity` doubles each; `body` receives their buffers and
    /// writes the first `rows()` elements of each (read after it returns), or throws.
    static func withColumns(_ count: Int, _ capacity: Int, rows: () -> Int,
                            _ body: ([UnsafeMutableBufferPointer<Double>]) throws -> Void) throws -> [[Double]] {
        func level(_ k: Int, _ buffers: [UnsafeMutableBufferPointer<Double>]) throws -> [[Double]] {
            if k == count {
                try body(buffers)
                return []
            }
            var rest: [[Double]] = []
            var failure: Error?
            LargeBuffer.adviseAhead(bytes: capacity * MemoryLayout<Double>.stride)
            let column = [Double](unsafeUninitializedCapacity: capacity) { buf, n in
                n = 0
                LargeBuffer.adviseHugePages(buf)
                do {
                    rest = try level(k + 1, buffers + [buf])
                    n = min(max(rows(), 0), capacity)
                    LargeBuffer.releaseTail(buf, keeping: n)
                } catch {
                    failure = error
                }
            }
            if let failure { throw failure }
            return [column] + rest
        }
        return try level(0, [])
    }

    /// The buffers, shared by the blocks: each block writes only its own rows.
    private struct Targets: @unchecked Sendable {
        let columns: [UnsafeMutableBufferPointer<Double>]
    }

    /// Parses every row into `columns`, in blocks of rows on every core for a large table.
    static func fill(_ table: RawTable, _ indices: [Int], _ rows: Int, _ columns: [UnsafeMutableBufferPointer<Double>]) throws {
        let targets = Targets(columns: columns)
        let cores = max(1, min(Cores.active, 8))
        let blocks = rows >= parallelRows ? cores : 1
        let bounds = (0...blocks).map { rows * $0 / blocks }
        let ranges = (0..<blocks).map { bounds[$0]..<bounds[$0 + 1] }
        _ = try ParallelMap.map(ranges, parallel: blocks > 1) { r in
            try block(table, indices, r, targets)
        }
    }

    /// Rows `range` (indexes into `table.dataLines`) parsed in order into `targets`.
    private static func block(_ table: RawTable, _ indices: [Int], _ range: Range<Int>, _ targets: Targets) throws {
        var parser = RowParser(table, indices)
        let lines = table.lines
        let columns = targets.columns.compactMap { $0.baseAddress }
        guard !range.isEmpty, columns.count == indices.count else { return }
        try lines.bytes.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress else { return }
            try columns.withUnsafeBufferPointer { cols in
                guard let c = cols.baseAddress else { return }
                for row in range {
                    let li = table.dataLines[row]
                    if let error = parser.parse(base, lines.start(li), lines.end(li), line: li + 1, c, row) { throw error }
                }
            }
        }
    }
}

/// The number of cores, asked once (`activeProcessorCount` reads the system each time: 3 % of
/// loading a study of 250 small files when asked per file).
enum Cores {
    static let active = ProcessInfo.processInfo.activeProcessorCount
}
