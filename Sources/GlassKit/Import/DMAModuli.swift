/// Where a DMA file's E′ and E″ come from (docs/reading-rules.md, "Moduli from tan δ"): their own
/// columns; or, in a file that has only one of them, that one and tan δ = E″/E′ — E″ = E′·tan δ,
/// or E′ = E″/tan δ — as instruments let a user export (a Q800's signals chosen in Universal
/// Analysis). Both moduli are then in the one column's unit.
struct DMAModuli {
    enum Source { case both, storageAndTan, lossAndTan }
    let source: Source
    /// The columns E′ and E″ are read from (for their units and messages): the modulus column
    /// each is computed from.
    let storage: MatchedColumn, loss: MatchedColumn
    /// The tan δ column, when the file has one.
    let tan: MatchedColumn?

    /// The moduli of a table with these columns, nil when it has neither both moduli nor one and tan δ.
    static func find(_ columns: [ColumnMeaning: MatchedColumn]) -> DMAModuli? {
        let e1 = columns[.storageModulus], e2 = columns[.lossModulus], td = columns[.tanDelta]
        if let e1, let e2 { return DMAModuli(source: .both, storage: e1, loss: e2, tan: td) }
        if let e1, let td { return DMAModuli(source: .storageAndTan, storage: e1, loss: e1, tan: td) }
        if let e2, let td { return DMAModuli(source: .lossAndTan, storage: e2, loss: e2, tan: td) }
        return nil
    }

    /// ``find(_:)``, or the error naming the modulus that is missing.
    static func resolve(_ columns: [ColumnMeaning: MatchedColumn], _ table: RawTable) throws -> DMAModuli {
        if let m = find(columns) { return m }
        if columns[.storageModulus] != nil {
            _ = try DatasetBuilder.need(.lossModulus, "loss modulus (E'') or tan δ", in: columns, of: table)
        } else if columns[.lossModulus] != nil {
            _ = try DatasetBuilder.need(.storageModulus, "storage modulus (E') or tan δ", in: columns, of: table)
        }
        _ = try DatasetBuilder.need(.storageModulus, "storage modulus (E')", in: columns, of: table)
        preconditionFailure("find(_:) has both moduli")
    }

    /// The columns to read, in order: E′ and E″ (then tan δ when there is one), or the one modulus and tan δ.
    var indices: [Int] {
        switch source {
        case .both: return [storage.index, loss.index] + (tan.map { [$0.index] } ?? [])
        case .storageAndTan: return [storage.index, tan?.index ?? storage.index]
        case .lossAndTan: return [loss.index, tan?.index ?? loss.index]
        }
    }

    /// Whether tan δ is read (it follows E′ and E″ in ``layout(_:at:lines:table:)``).
    var hasTan: Bool { tan != nil }

    /// What the rest of the file is read with.
    var note: String? {
        switch source {
        case .both: return nil
        case .storageAndTan: return "no loss-modulus column: E'' is computed as E'·tan δ from '\(storage.header.text)' and '\(tan?.header.text ?? "")'"
        case .lossAndTan: return "no storage-modulus column: E' is computed as E''/tan δ from '\(loss.header.text)' and '\(tan?.header.text ?? "")'"
        }
    }

    /// The read columns with this reading's columns (at `k`, as many as ``indices``) replaced by
    /// E′, E″ and, when read, tan δ, in the unit of their modulus column. E′ = E″/tan δ needs
    /// tan δ > 0: a row without one is an error naming its line.
    func layout(_ raw: [[Double]], at k: Int, lines: RowLines, table: RawTable) throws -> [[Double]] {
        let n = indices.count
        var middle: [[Double]]
        switch source {
        case .both:
            middle = Array(raw[k..<(k + n)])
        case .storageAndTan:
            let e1 = raw[k], td = raw[k + 1]
            middle = [e1, zip(e1, td).map { $0 * $1 }, td]
        case .lossAndTan:
            let e2 = raw[k], td = raw[k + 1]
            if let i = td.indices.first(where: { !(td[$0] > 0) || !(e2[$0] / td[$0]).isFinite }) {
                throw GlassError(file: table.path, line: i < lines.count ? lines[i] : nil,
                                 "tan δ (\(tan?.header.text ?? "")) is \(td[i]); expected tan δ > 0 to compute E' = E''/tan δ (the file has no storage-modulus column)")
            }
            middle = [zip(e2, td).map { $0 / $1 }, e2, td]
        }
        return Array(raw[..<k]) + middle + Array(raw[(k + n)...])
    }
}
