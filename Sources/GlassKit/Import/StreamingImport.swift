import GlassPlatform

/// Imports a large native file, NETZSCH export or TA Universal Analysis export while it is read
/// (issue 11): the text is never held whole. The first lines (enough for every format test and
/// the heading) are read first; when they show such a table of one sweep whose columns are known,
/// the rest passes through two buffers of 1 MiB, each piece's rows parsed straight into the final
/// column arrays (on every core: a piece is cut in two at a line) while the next piece is read
/// into the other buffer. Whatever the file, the result is what `FormatDetector.read` and
/// `DatasetBuilder.build` give for its whole bytes: any file this path is not sure of is handed
/// back to be read whole.
///
/// The bytes come from `source` (GlassKit does no I/O): it fills the buffer it is given with the
/// file's next bytes and returns how many (0 at the end). A streamed file's bytes are handed to
/// `digest` in order, each piece once, on a core beside its parsing (the SHA-256 of the same
/// bytes); a file read whole is not (the caller hashes the bytes returned).
public enum StreamingImport {
    /// What became of the file.
    public enum Outcome: Sendable {
        /// The datasets of the file (one).
        case datasets([Dataset])
        /// Not streamed: every byte of the file, read through `source`, for the ordinary import.
        case whole([UInt8])
        /// Streamed in part, then found to need the ordinary import after all (invalid UTF-8
        /// past the first lines: the whole file is then read as Windows-1252; or a file that grew
        /// while it was read). The caller reads the file again and imports it whole.
        case reread
    }

    /// Files from this size on are streamed.
    public static let minimumBytes = 4 << 20
    /// Lines read before deciding: more than any format test looks at (TRIOS: 5000).
    static let headLines = 5_001
    /// The first lines are read in blocks of this size.
    static let headBlock = 1 << 16
    /// Past this many bytes of first lines without `headLines` lines the file is read whole.
    static let headLimit = 8 << 20
    /// A file whose first block holds a NUL and no byte-order mark is refused from that block,
    /// with the error the whole file gives (a raw instrument `.dat` of 300 MB was read whole, and
    /// held, before "binary data"). Where a CR comes before the NUL, the whole file decides how
    /// its lines end, and so the NUL's line: that file is left to be read whole.
    static func refuseBinary(_ head: [UInt8], path: String) throws {
        guard let nul = head.firstIndex(of: 0), !head[..<nul].contains(0x0D),
              !head.starts(with: [0xEF, 0xBB, 0xBF]), !head.starts(with: [0xFF, 0xFE]), !head.starts(with: [0xFE, 0xFF]) else { return }
        _ = try TextDecoding.utf8Bytes(of: head, file: path)
    }

    /// Size of each of the two buffers the rest passes through (a parameter of `read` for tests).
    public static let chunkBytes = 1 << 20

    /// Imports the file `path` (for messages) of about `sizeHint` bytes, with study.toml
    /// `overrides`, reading it through `source`.
    public static func read(path: String, overrides: [String: MetadataEntry], sizeHint: Int,
                            from source: (UnsafeMutableRawBufferPointer) throws -> Int,
                            digest: @escaping @Sendable (UnsafeRawBufferPointer) -> Void,
                            chunk: Int = StreamingImport.chunkBytes) throws -> Outcome {
        // 1. The first lines.
        var head = [UInt8]()
        var newlines = 0
        var eof = false
        while newlines < headLines && !eof {
            if head.count >= headLimit { return .whole(try rest(head, source, sizeHint: sizeHint)) }
            let block = try readBlock(headBlock, source)
            eof = block.count < headBlock
            newlines += countNewlines(block)
            let first = head.isEmpty
            head.append(contentsOf: block)
            if first { try refuseBinary(head, path: path) }
        }
        if eof { return .whole(head) }
        guard let cut = head.lastIndex(of: 0x0A).map({ $0 + 1 }) else { return .whole(try rest(head, source, sizeHint: sizeHint)) }
        // 2. Streamed only when the first lines settle everything the whole file would.
        guard let plan = plan(head, cut, path: path, overrides: overrides) else { return .whole(try rest(head, source, sizeHint: sizeHint)) }
        // The source is used only until `stream` returns (its reader object does not outlive it).
        return try withoutActuallyEscaping(source) { source in
            try stream(plan, head: head, cut: cut, sizeHint: sizeHint, overrides: overrides, chunk: max(chunk, 1 << 12), source, digest)
        }
    }

    /// The table found in the first lines and the columns to parse.
    struct Plan {
        var table: RawTable
        var indices: [Int]
        /// Byte offset (in the head) and 0-based index of the first data line.
        var start: Int
        var startLine: Int
    }

    /// The table of a native file of one sweep, a NETZSCH export or a TA export, from its first
    /// `cut` bytes (whole lines); nil when the file must be read whole: a byte-order mark, a NUL, another
    /// format, no heading or too few data rows among these lines, no number among them that settles
    /// the decimal mark (`DecimalMark`), a sweep column, or a dataset
    /// that would stop with an error before its numbers are read, or first lines in Shift_JIS.
    /// First lines otherwise not UTF-8 make the whole file Windows-1252 (`TextDecoding`): they are
    /// read so, and the stream then takes only ASCII (any other byte later hands the file back to be read whole).
    static func plan(_ head: [UInt8], _ cut: Int, path: String, overrides: [String: MetadataEntry]) -> Plan? {
        if head.starts(with: [0xEF, 0xBB, 0xBF]) || head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) { return nil }
        let text = Array(head[..<cut])
        let scan = text.withUnsafeBytes { ByteScan.of($0) }
        if scan.nul != nil { return nil }
        // A lone CR (not before an LF): whether CRs end the lines is the whole file's majority
        // (`TextDecoding`), which no first lines tell; the whole file decides.
        if text.withUnsafeBytes({ ByteScan.hasLoneCR($0) }) { return nil }
        let utf8 = !scan.nonASCII || UTF8Validation.isValid(text)
        // Japanese first lines: the file is read whole (its decoding is the whole file's).
        if !utf8 && ShiftJIS.looksJapanese(text) { return nil }
        let encoding: TextDecoding.Encoding = utf8 ? .utf8 : .windows1252
        // Line k starts at the same line in both (transcoding keeps every line feed).
        let raw = TextLines(text)
        let lines = utf8 ? raw : TextLines(TextDecoding.windows1252ToUTF8(text))
        let read: RawTable?
        // A header longer than the first lines (no `StartOfData`, no data row among them) may be a
        // TA export's: only the whole file tells.
        if TAUniversalReader.header(lines) == .end { return nil }
        if NetzschReader.recognises(lines) {
            read = try? NetzschReader.read(lines, path: path, encoding: encoding)
        } else if TAUniversalReader.recognises(lines) {
            read = try? TAUniversalReader.read(lines, path: path, encoding: encoding)
        } else if TriosReader.recognises(lines) || EplexorReader.recognises(lines) || MettlerReader.recognises(lines)
                    || PyrisReader.recognises(lines)
                    || JSONRefusal.recognises(lines) {
            return nil
        } else {
            read = try? NativeReader.read(lines, path: path, encoding: encoding)
        }
        // A mark study.toml states is the builder's to apply: the file is read whole.
        guard overrides["decimal"] == nil, let table = read, table.dataLines.count >= 4, table.decimalMarkFound, var first = table.dataLines.first,
              !table.headers.contains(where: { ColumnMatcher.meaning(of: $0) == .sweep }),
              // A DMA file with a frequency column may hold several datasets (`ScanSplitter`).
              !table.headers.contains(where: { ColumnMatcher.meaning(of: $0) == .frequency }),
              let indices = DatasetBuilder.plannedColumns(table, overrides: overrides) else { return nil }
        if table.format == .taUniversal {
            // From the line after StartOfData, sentinel rows included (they are dropped once the
            // whole file is parsed); only with the time column that tells them.
            guard let time = TAUniversalReader.timeColumn(table.headers), indices.contains(time) else { return nil }
            first = table.headerLine
        }
        return Plan(table: table, indices: indices, start: raw.start(first), startLine: first)
    }

    /// `head` and every remaining byte after it, read straight into one array with room for
    /// `sizeHint` bytes and one more: a file that did not grow is never copied as it is read.
    static func rest(_ head: [UInt8], _ source: (UnsafeMutableRawBufferPointer) throws -> Int, sizeHint: Int = 0) throws -> [UInt8] {
        let capacity = max(min(sizeHint, 1 << 40) + 1, head.count + (1 << 20))
        var failure: Error?
        var atEnd = false
        var out = [UInt8](unsafeUninitializedCapacity: capacity) { buf, count in
            let raw = UnsafeMutableRawBufferPointer(buf)
            head.withUnsafeBytes { raw.copyMemory(from: $0) }
            count = head.count
            do {
                (count, atEnd) = try fill(raw, from: head.count, source)
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        // A file that grew past its size while it was read.
        while !atEnd {
            let block = max(out.count, 1 << 20)
            let b = try readBlock(block, source)
            out.append(contentsOf: b)
            atEnd = b.count < block
        }
        return out
    }

    /// Up to `n` bytes (fewer only at the end of the file).
    static func readBlock(_ n: Int, _ source: (UnsafeMutableRawBufferPointer) throws -> Int) throws -> [UInt8] {
        var failure: Error?
        let out = [UInt8](unsafeUninitializedCapacity: n) { buf, count in
            count = 0
            do {
                count = try fill(UnsafeMutableRawBufferPointer(buf), from: 0, source).filled
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        return out
    }

    /// Reads into `buffer` from `from` on until it is full or `source` ends: the bytes now in it,
    /// and whether the source ended.
    static func fill(_ buffer: UnsafeMutableRawBufferPointer, from: Int,
                     _ source: (UnsafeMutableRawBufferPointer) throws -> Int) throws -> (filled: Int, atEnd: Bool) {
        var filled = from
        while filled < buffer.count {
            let r = try source(UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            if r <= 0 { return (filled, true) }
            filled += r
        }
        return (filled, false)
    }

    static func countNewlines(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBytes { ByteScan.newlines($0) }
    }

    /// The column buffers, written by the two halves of a piece (each its own rows).
    struct Targets: @unchecked Sendable {
        let columns: [UnsafeMutablePointer<Double>]
        let capacity: Int
    }

    /// What one half of a piece gave.
    struct Part: Sendable {
        var rows = 0
        var lines = RowLines()
        var failure: GlassError?
        var nul: Int?
        var nonASCII = false
        var newlines = 0
        /// A CR not before an LF: the file is read whole (its lines end at CRs when lone CRs
        /// outnumber the LFs of the whole file, `TextDecoding.crEndsLines`).
        var loneCR = false
        /// More rows than the columns have room for (the file is then read whole).
        var overflow = false
    }

    /// Reads and parses the rest of the file, the head's data lines first.
    static func stream(_ plan: Plan, head: [UInt8], cut: Int, sizeHint: Int, overrides: [String: MetadataEntry], chunk: Int,
                       _ source: @escaping (UnsafeMutableRawBufferPointer) throws -> Int,
                       _ digest: @escaping @Sendable (UnsafeRawBufferPointer) -> Void) throws -> Outcome {
        let table = plan.table
        let named = RowWidth(table.headers).named
        // A row that parses is at least `named` bytes (its separators and a digit a wanted field)
        // plus its line feed, so this bounds the rows; the pages not written cost nothing.
        func rowBound(_ bytes: Int) -> Int { (max(bytes, 0) + 1) / (named + 1) + 2 }
        // Room for the rows the first lines predict, a quarter more, never past that bound (a huge
        // file would otherwise reserve more address space than a machine may grant). A file whose
        // later rows are shorter than its first ones and overflow it is read whole instead.
        let data = sizeHint - plan.start
        let headRows = Double(max(table.dataLines.count, 1)), headBytes = Double(max(cut - plan.start, 1))
        let predicted = Double(max(data, 0)) / headBytes * headRows * 1.25 + 65_536
        let capacity = Int(min(Double(rowBound(data)), predicted))
        var failure: GlassError?
        var rows = 0
        var lines = RowLines()
        var outcome: Outcome?
        var state = PieceState()
        defer { state.release() }
        var values = try TableReader.withColumns(plan.indices.count, capacity, rows: { rows }) { buffers in
            let targets = Targets(columns: buffers.compactMap { $0.baseAddress }, capacity: capacity)
            guard targets.columns.count == plan.indices.count else { outcome = .whole(try rest(head, source, sizeHint: sizeHint)); return }
            var consumed = head.count          // bytes of the file read so far
            var lineIndex = plan.startLine     // 0-based line of the next byte to parse
            // Parses whole lines `[0, n)` of `p` (hashing `hashed`, running `prefetch` beside it);
            // false when the file must be read again.
            func piece(_ p: UnsafePointer<UInt8>, _ n: Int, hashed: UnsafeRawBufferPointer, prefetch: Prefetch?) throws -> Bool {
                let result = try parsePiece(p, n, hashed: hashed, digest: digest, prefetch: prefetch, table: table, indices: plan.indices,
                                            targets: targets, row: rows, line: lineIndex, parse: failure == nil, state: &state)
                guard let result else { return false }
                if failure == nil {
                    rows += result.rows
                    lines.append(contentsOf: result.lines)
                    failure = result.failure
                }
                lineIndex += result.newlines
                return true
            }
            // The head's data lines (the head hashed from its first byte).
            let ok = try head.withUnsafeBufferPointer { h -> Bool in
                guard let base = h.baseAddress else { return true }
                return try piece(base + plan.start, cut - plan.start, hashed: UnsafeRawBufferPointer(start: base, count: cut), prefetch: nil)
            }
            guard ok else { outcome = .reread; return }
            // The rest through two buffers: while one piece is parsed, the next is read into the
            // other (on the core that also hashes). A line longer than a buffer grows both.
            var size = max(chunk, 2 * (head.count - cut))
            var buffers = [UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 64),
                           UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 64)]
            defer { buffers.forEach { LargeBuffer.returnPages($0.baseAddress, bytes: $0.count); $0.deallocate() } }
            var current = 0
            var filled = head.count - cut
            head.withUnsafeBytes { h in
                if filled > 0, let src = h.baseAddress, let dst = buffers[0].baseAddress { dst.copyMemory(from: src + cut, byteCount: filled) }
            }
            let reader = Reader(source: source)
            var atEnd = false
            do {
                let r = try reader.fill(buffers[0], from: filled)
                consumed += r.filled - filled
                (filled, atEnd) = r
            }
            while true {
                if consumed > sizeHint { outcome = .reread; return }   // the file grew while read
                let buffer = buffers[current], other = buffers[1 - current]
                guard let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), let next = other.baseAddress else { return }
                // Whole lines: up to the last line feed (everything at the end of the file).
                var n = filled
                if !atEnd {
                    guard let lf = lastNewline(base, filled) else {
                        // One line fills the buffer: larger buffers.
                        size *= 2
                        let bigger = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 64)
                        if let d = bigger.baseAddress { d.copyMemory(from: UnsafeRawPointer(base), byteCount: filled) }
                        buffers.forEach { $0.deallocate() }
                        buffers = [bigger, UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 64)]
                        current = 0
                        let r = try reader.fill(bigger, from: filled)
                        consumed += r.filled - filled
                        (filled, atEnd) = r
                        continue
                    }
                    n = lf + 1
                }
                // The partial last line starts the other buffer, whose rest is read meanwhile.
                let tail = filled - n
                if tail > 0 { next.copyMemory(from: UnsafeRawPointer(base + n), byteCount: tail) }
                let prefetch: Prefetch? = atEnd ? nil : Prefetch(reader: reader, buffer: other, from: tail)
                if n > 0 {
                    // The end of the file's Ctrl-Z bytes are no line (`TextDecoding`); hashed all the same.
                    var rows = n
                    if atEnd { while rows > 0, base[rows - 1] == 0x1A { rows -= 1 } }
                    guard try piece(base, rows, hashed: UnsafeRawBufferPointer(start: base, count: n), prefetch: prefetch) else { outcome = .reread; return }
                } else {
                    prefetch?.run()
                }
                guard let prefetch else { break }
                let r = try prefetch.result()
                consumed += r.filled - tail
                (filled, atEnd) = r
                current = 1 - current
            }
        }
        if let outcome { return outcome }
        var t = table
        if table.format == .taUniversal {
            // A row error: the whole import decides (it drops sentinel rows before reading their fields).
            if failure != nil { return .reread }
            t.warnings = TAUniversalReader.dropSentinels(&values, &lines, table: table, indices: plan.indices)
        }
        t.dataLines = []
        t.streamed = StreamedColumns(indices: plan.indices, values: values, lines: lines, failure: failure)
        let dataset = try DatasetBuilder.build(t, overrides: overrides)
        t.streamed = nil
        releaseUnkept(values, by: dataset)
        return .datasets([dataset])
    }

    /// Gives back the pages of the parsed columns the dataset does not hold (a time or segment
    /// column, temperatures in °C converted to kelvin): they are freed next, and freed memory is
    /// otherwise kept for the process, out of reach of the cores that analyse (their own malloc
    /// arenas). 8 MB each for 10^6 rows.
    static func releaseUnkept(_ values: [[Double]], by d: Dataset) {
        let keptBases = d.valueArrays.compactMap { $0.withUnsafeBufferPointer { $0.baseAddress } }
        for v in values {
            v.withUnsafeBufferPointer { b in
                guard let base = b.baseAddress, !keptBases.contains(base) else { return }
                LargeBuffer.returnPages(UnsafeMutableRawPointer(mutating: base), bytes: b.count * MemoryLayout<Double>.stride)
            }
        }
    }

    static func lastNewline(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int? {
        var i = n - 1
        while i >= 0 {
            if p[i] == 0x0A { return i }
            i -= 1
        }
        return nil
    }

    /// Kept from piece to piece: the second half's scratch columns and the share of a piece the
    /// first half parses (adjusted so that both cores finish together; the values never depend on it).
    struct PieceState {
        var scratch: [UnsafeMutablePointer<Double>] = []
        var scratchRows = 0
        var share = 0.6

        mutating func scratch(columns: Int, rows: Int) -> Targets {
            if rows > scratchRows || scratch.count != columns {
                release()
                scratch = (0..<columns).map { _ in UnsafeMutablePointer<Double>.allocate(capacity: rows) }
                scratchRows = rows
            }
            return Targets(columns: scratch, capacity: scratchRows)
        }

        mutating func release() {
            for c in scratch { LargeBuffer.returnPages(UnsafeMutableRawPointer(c), bytes: scratchRows * MemoryLayout<Double>.stride); c.deallocate() }
            scratch = []
            scratchRows = 0
        }
    }

    /// A piece of whole lines parsed: rows, their lines, the first error, line feeds counted.
    struct PieceResult {
        var rows: Int
        var lines: RowLines
        var failure: GlassError?
        var newlines: Int
    }

    /// Parses the whole lines `[0, n)` of `p` (the first on 0-based line `line`) into the columns
    /// from row `row` on, and hands `hashed` to `digest`. A large piece is cut in two at a line
    /// feed: the first part is parsed on one core into the columns; the digest and the second part
    /// run on the other, the second part into scratch columns moved after the first part's rows.
    /// Throws the NUL error; nil when the text is not UTF-8, or not ASCII in a file whose first
    /// lines are Windows-1252 (the file is then read whole, as Windows-1252), or the rows overflow
    /// the columns (read whole too). With `parse` false (an earlier row failed) the bytes are only
    /// checked.
    static func parsePiece(_ p: UnsafePointer<UInt8>, _ n: Int, hashed: UnsafeRawBufferPointer,
                           digest: @escaping @Sendable (UnsafeRawBufferPointer) -> Void, prefetch: Prefetch?,
                           table: RawTable, indices: [Int], targets: Targets,
                           row: Int, line: Int, parse: Bool, state: inout PieceState) throws -> PieceResult? {
        var cut = n
        if n >= 1 << 18, Cores.active > 1 {
            let at = min(max(Int(Double(n) * state.share), 1), n - 1)
            if let hit = memchr(p + at, 0x0A, n - at) {
                cut = p.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
            }
        }
        let split = cut < n
        let cutAt = cut
        let scratch = split ? state.scratch(columns: targets.columns.count, rows: (n - cut + 1) / (table.headers.count + 1) + 2) : targets
        let pointer = Pointer(p: p)
        let hash = HashRegion(region: hashed)
        let started = DispatchTime.now().uptimeNanoseconds
        let parts = ParallelMap.map(split ? [0, 1] : [0], parallel: split) { k -> (Part, UInt64) in
            if k == 0 {
                if !split { prefetch?.run(); digest(hash.region) }
                let part = scanAndParse(pointer.p, cutAt, table: table, indices: indices, targets: targets,
                                        row: row, line: line, parse: parse)
                return (part, DispatchTime.now().uptimeNanoseconds)
            }
            prefetch?.run()
            digest(hash.region)
            // Lines numbered from 0 here; the first part's count is added below.
            let part = scanAndParse(pointer.p + cutAt, n - cutAt, table: table, indices: indices, targets: scratch,
                                    row: 0, line: 0, parse: parse)
            return (part, DispatchTime.now().uptimeNanoseconds)
        }
        if split {
            // Move the cut towards the part that finished first, for the next piece.
            let a = Double(parts[0].1 &- started), b = Double(parts[1].1 &- started)
            if a + b > 0 { state.share = min(0.9, max(0.3, state.share + 0.5 * state.share * (b - a) / (a + b))) }
        }
        let first = parts[0].0
        // Lone CRs before the first NUL: the whole file decides where its lines end (and so the
        // NUL's line).
        if first.loneCR || (split && first.nul == nil && parts[1].0.loneCR) { return nil }
        // The first NUL of the file is an error, whatever else is wrong (as when read whole).
        if let at = first.nul {
            throw GlassError(file: table.path, line: line + ByteScan.newlines(UnsafeRawBufferPointer(start: p, count: at)) + 1,
                             "binary data (a NUL byte); expected a text export")
        }
        if split, let at = parts[1].0.nul {
            throw GlassError(file: table.path, line: line + first.newlines + ByteScan.newlines(UnsafeRawBufferPointer(start: p + cut, count: at)) + 1,
                             "binary data (a NUL byte); expected a text export")
        }
        if parts.contains(where: { $0.0.nonASCII }),
           table.encoding != .utf8 || !UTF8Validation.isValid(UnsafeRawBufferPointer(start: p, count: n)) {
            return nil
        }
        let newlines = parts.reduce(0) { $0 + $1.0.newlines }
        guard parse else { return PieceResult(rows: 0, lines: RowLines(), failure: nil, newlines: newlines) }
        if first.overflow { return nil }
        var result = PieceResult(rows: first.rows, lines: first.lines, failure: first.failure, newlines: newlines)
        if split && result.failure == nil {
            let second = parts[1].0
            let shift = line + first.newlines
            if second.overflow || row + first.rows + second.rows > targets.capacity { return nil }
            for (c, s) in zip(targets.columns, scratch.columns) {
                (c + row + first.rows).update(from: s, count: second.rows)
            }
            result.rows += second.rows
            result.lines.append(contentsOf: second.lines, lineOffset: shift)
            if second.failure != nil {
                // The error again, on its row, with its line in the file.
                result.failure = reparse(p + cut, n - cut, table: table, indices: indices, targets: scratch, line: shift)
            }
        }
        return result
    }

    /// The error of the first failing row of `[0, n)`, its lines numbered from `line`.
    static func reparse(_ p: UnsafePointer<UInt8>, _ n: Int, table: RawTable, indices: [Int], targets: Targets,
                        line: Int) -> GlassError? {
        scanAndParse(p, n, table: table, indices: indices, targets: targets, row: 0, line: line, parse: true).failure
    }

    struct HashRegion: @unchecked Sendable { let region: UnsafeRawBufferPointer }

    /// The file's source, called from one thread at a time (the stream's, or the core reading ahead).
    final class Reader: @unchecked Sendable {
        let source: (UnsafeMutableRawBufferPointer) throws -> Int
        init(source: @escaping (UnsafeMutableRawBufferPointer) throws -> Int) { self.source = source }

        /// Reads into `buffer` from `from` until it is full or the file ends.
        func fill(_ buffer: UnsafeMutableRawBufferPointer, from: Int) throws -> (filled: Int, atEnd: Bool) {
            try StreamingImport.fill(buffer, from: from, source)
        }
    }

    /// Reading the next piece into the other buffer, run beside the parsing of this one.
    final class Prefetch: @unchecked Sendable {
        let reader: Reader
        let buffer: UnsafeMutableRawBufferPointer
        let from: Int
        private var outcome: Result<(filled: Int, atEnd: Bool), Error>?

        init(reader: Reader, buffer: UnsafeMutableRawBufferPointer, from: Int) {
            self.reader = reader
            self.buffer = buffer
            self.from = from
        }

        func run() {
            if outcome == nil { outcome = Result { try reader.fill(buffer, from: from) } }
        }

        /// What was read (read now if it was not yet).
        func result() throws -> (filled: Int, atEnd: Bool) {
            run()
            guard let outcome else { return (from, true) }
            return try outcome.get()
        }
    }

    struct Pointer: @unchecked Sendable { let p: UnsafePointer<UInt8> }

    /// One half: its rows parsed (up to the first error), its bytes checked for NUL and non-ASCII,
    /// its line feeds counted. A plain row is read in one pass that finds its own end
    /// (`RowParser.fastLine`); any other line is found with `memchr` and read by the general
    /// path. The byte check covers what the rows' reading has not already seen to be ASCII:
    /// when anything else turns up (or a row fails, or `parse` is false) the whole half is scanned.
    static func scanAndParse(_ p: UnsafePointer<UInt8>, _ n: Int, table: RawTable, indices: [Int], targets: Targets,
                             row: Int, line: Int, parse: Bool) -> Part {
        var part = Part()
        func scanAll() {
            let scan = ByteScan.of(UnsafeRawBufferPointer(start: p, count: n))
            part.nul = scan.nul
            part.nonASCII = scan.nonASCII
            part.newlines = scan.newlines
            part.loneCR = ByteScan.hasLoneCR(UnsafeRawBufferPointer(start: p, count: scan.nul ?? n))
        }
        guard parse else { scanAll(); return part }
        var parser = RowParser(table, indices)
        let comments = table.format != .taUniversal
        // A native row of separators alone (`;;`, a spreadsheet's empty row) is blank (NativeReader).
        let emptyRow: UInt8 = table.format == .native ? table.delimiter.byte ?? 0 : 0
        var flagged = false
        var failed = false
        var newlines = 0
        targets.columns.withUnsafeBufferPointer { cols in
            guard let columns = cols.baseAddress else { return }
            var s = 0
            var li = line          // lines before the one at `s`
            var r = row
            // The current run of rows on consecutive lines (appended to `part.lines` when it breaks).
            var runLine = 0, runRows = 0
            func addRow(on lineNumber: Int) {
                if runRows > 0 && lineNumber == runLine + runRows { runRows += 1; return }
                part.lines.append(consecutive: runRows, from: runLine)
                runLine = lineNumber
                runRows = 1
            }
            while s < n {
                if parser.fastOK, r < targets.capacity, let next = parser.fastLine(p, s, n, columns, r, &flagged) {
                    li += 1
                    addRow(on: li)
                    r += 1
                    if p[next - 1] == 0x0A { newlines += 1 }
                    s = next
                    continue
                }
                let lf = memchr(p + s, 0x0A, n - s).map { p.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? n
                if lf < n { newlines += 1 }
                var e = lf
                if e > s, p[e - 1] == 0x0D { e -= 1 }
                li += 1
                // A line holding a lone CR (a plain row's fast read ends at a CR only before its LF).
                if ByteScan.hasLoneCR(UnsafeRawBufferPointer(start: p + s, count: min(lf + 1, n) - s)) {
                    part.loneCR = true
                    failed = true
                    break
                }
                let check = ByteScan.of(UnsafeRawBufferPointer(start: p + s, count: e - s))
                if check.nul != nil || check.nonASCII { flagged = true }
                // Blank lines and comments are not rows (NativeReader's and NetzschReader's rule; a
                // TA export has no comments).
                var f = s
                while f < e, p[f] == 0x20 || p[f] == 0x09 { f += 1 }
                if f < e && (p[f] != 0x23 || !comments) && !(p[f] == emptyRow && emptyRow != 0 && NativeReader.onlySeparators(p, f, e, emptyRow)) {
                    if r >= targets.capacity {
                        part.overflow = true
                        failed = true
                        break
                    }
                    if let error = parser.parse(p, s, e, line: li, columns, r) {
                        part.failure = error
                        failed = true
                        break
                    }
                    addRow(on: li)
                    r += 1
                }
                s = lf + 1
            }
            part.lines.append(consecutive: runRows, from: runLine)
            part.rows = r - row
        }
        if failed || flagged {
            scanAll()
        } else {
            part.newlines = newlines
        }
        return part
    }
}

/// Whole-buffer byte checks, 8 bytes a step.
enum ByteScan {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// Number of zero bytes of `x` (exact: no borrow crosses bytes).
    @inline(__always) static func zeros(_ x: UInt64) -> Int {
        (~(((x & lows) &+ lows) | x | lows)).nonzeroBitCount
    }

    /// Offset of the first NUL byte (then the other answers cover only the bytes before it),
    /// whether any byte is ≥ 0x80, and the number of line feeds.
    static func of(_ raw: UnsafeRawBufferPointer) -> (nul: Int?, nonASCII: Bool, newlines: Int) {
        let n = raw.count
        var high: UInt64 = 0
        var lf = 0
        var i = 0
        while i + 8 <= n {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            if zeros(w) != 0 { break }   // a NUL in this word: byte by byte below
            high |= w
            lf &+= zeros(w ^ (ones &* 0x0A))
            i += 8
        }
        while i < n {
            let b = raw[i]
            if b == 0 { return (i, high & ~lows != 0, lf) }
            high |= UInt64(b)
            if b == 0x0A { lf += 1 }
            i += 1
        }
        return (nil, high & ~lows != 0, lf)
    }

    /// Whether a CR stands anywhere but right before an LF (one ending the bytes counts: the
    /// whole-file rule's lone CR, `TextDecoding.lfLineEnds`). `memchr` per CR: a CR LF file is
    /// scanned so only where a row failed.
    static func hasLoneCR(_ raw: UnsafeRawBufferPointer) -> Bool {
        guard let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return false }
        let n = raw.count
        var i = 0
        while i < n, let hit = memchr(base + i, 0x0D, n - i) {
            let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if at + 1 == n || base[at + 1] != 0x0A { return true }
            i = at + 2
        }
        return false
    }

    /// Number of line feeds.
    static func newlines(_ raw: UnsafeRawBufferPointer) -> Int {
        let n = raw.count
        var lf = 0
        var i = 0
        while i + 8 <= n {
            lf &+= zeros(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ (ones &* 0x0A))
            i += 8
        }
        while i < n { if raw[i] == 0x0A { lf += 1 }; i += 1 }
        return lf
    }
}
