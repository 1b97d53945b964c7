import GlassPlatform

/// Where a DMA file's E′ and E″ come from (docs/reading-rules.md, "Moduli from tan δ"): their own
/// columns; or, in a file that has only one of them, that one and tan δ = E″/E′ — E″ = E′·tan δ,
/// or E′ = E″/tan δ — as instruments let a user export (a Q800's signals chosen in Universal
/// Analysis); or, in a file with neither, the complex modulus |E*| and the phase angle δ —
/// E′ = |E*|·cos δ, E″ = |E*|·sin δ — or |E*| and tan δ (E′ = |E*|/√(1 + tan²δ), E″ = E′·tan δ),
/// as rheometers and some DMAs write them. Both moduli are then in the one column's unit.
struct DMAModuli {
    enum Source { case both, storageAndTan, lossAndTan, complexAndPhase, complexAndTan }
    let source: Source
    /// The columns E′ and E″ are read from (for their units and messages): the modulus column
    /// each is computed from.
    let storage: MatchedColumn, loss: MatchedColumn
    /// The tan δ column, when the file has one.
    let tan: MatchedColumn?
    /// The phase-angle column δ, when the moduli come from it.
    var phase: MatchedColumn? = nil

    /// The moduli of a table with these columns, nil when it has neither both moduli nor one and tan δ.
    static func find(_ columns: [ColumnMeaning: MatchedColumn]) -> DMAModuli? {
        let e1 = columns[.storageModulus], e2 = columns[.lossModulus], td = columns[.tanDelta]
        // One modulus and tan δ — or the phase angle δ, whose tangent it is.
        let ph = td == nil ? columns[.phaseAngle] : nil
        if let e1, let e2 { return DMAModuli(source: .both, storage: e1, loss: e2, tan: td) }
        if let e1, td != nil || ph != nil { return DMAModuli(source: .storageAndTan, storage: e1, loss: e1, tan: td, phase: ph) }
        if let e2, td != nil || ph != nil { return DMAModuli(source: .lossAndTan, storage: e2, loss: e2, tan: td, phase: ph) }
        guard e1 == nil, e2 == nil, let es = columns[.complexModulus] else { return nil }
        if let ph = columns[.phaseAngle] { return DMAModuli(source: .complexAndPhase, storage: es, loss: es, tan: nil, phase: ph) }
        if let td { return DMAModuli(source: .complexAndTan, storage: es, loss: es, tan: td) }
        return nil
    }

    /// ``find(_:)``, or the error naming the modulus that is missing.
    static func resolve(_ columns: [ColumnMeaning: MatchedColumn], _ table: RawTable) throws -> DMAModuli {
        if let m = find(columns) { return m }
        if columns[.complexModulus] != nil, columns[.storageModulus] == nil, columns[.lossModulus] == nil {
            _ = try DatasetBuilder.need(.phaseAngle, "phase angle δ or tan δ beside the complex modulus", in: columns, of: table)
        }
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
        case .storageAndTan: return [storage.index, (tan ?? phase)?.index ?? storage.index]
        case .lossAndTan: return [loss.index, (tan ?? phase)?.index ?? loss.index]
        case .complexAndPhase: return [storage.index, phase?.index ?? storage.index]
        case .complexAndTan: return [storage.index, tan?.index ?? storage.index]
        }
    }

    /// Whether tan δ is read or computed (it follows E′ and E″ in ``layout(_:at:lines:table:)``).
    var hasTan: Bool { tan != nil || phase != nil }

    /// What the rest of the file is read with.
    var note: String? {
        switch source {
        case .both: return nil
        case .storageAndTan: return "no loss-modulus column: E'' is computed as E'·tan δ from '\(storage.header.text)' and '\((tan ?? phase)?.header.text ?? "")'"
        case .lossAndTan: return "no storage-modulus column: E' is computed as E''/tan δ from '\(loss.header.text)' and '\((tan ?? phase)?.header.text ?? "")'"
        case .complexAndPhase: return "no storage- or loss-modulus column: E' = |E*|·cos δ, E'' = |E*|·sin δ and tan δ are computed from '\(storage.header.text)' and '\(phase?.header.text ?? "")'"
        case .complexAndTan: return "no storage- or loss-modulus column: E' = |E*|/√(1 + tan²δ) and E'' = E'·tan δ are computed from '\(storage.header.text)' and '\(tan?.header.text ?? "")'"
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
            let e1 = raw[k], td = try tangents(raw[k + 1], lines: lines, table: table)
            middle = [e1, zip(e1, td).map { $0 * $1 }, td]
        case .lossAndTan:
            let e2 = raw[k], td = try tangents(raw[k + 1], lines: lines, table: table)
            if let i = td.indices.first(where: { !(td[$0] > 0) || !(e2[$0] / td[$0]).isFinite }) {
                throw GlassError(file: table.path, line: i < lines.count ? lines[i] : nil,
                                 "tan δ (\(tan?.header.text ?? "")) is \(td[i]); expected tan δ > 0 to compute E' = E''/tan δ (the file has no storage-modulus column)")
            }
            middle = [zip(e2, td).map { $0 / $1 }, e2, td]
        case .complexAndPhase:
            let es = raw[k]
            let delta = try radians(raw[k + 1], lines: lines, table: table)
            let e1 = zip(es, delta).map { $0 * cos($1) }, e2 = zip(es, delta).map { $0 * sin($1) }
            middle = [e1, e2, zip(e2, e1).map { $0 / $1 }]
        case .complexAndTan:
            let es = raw[k], td = raw[k + 1]
            let e1 = zip(es, td).map { $0 / (1 + $1 * $1).squareRoot() }
            middle = [e1, zip(e1, td).map { $0 * $1 }, td]
        }
        return Array(raw[..<k]) + middle + Array(raw[(k + n)...])
    }

    /// The phase-angle column in radians, each within 0–π/2 (else an error naming its line).
    func radians(_ values: [Double], lines: RowLines, table: RawTable) throws -> [Double] {
        let toRadians = try phaseFactor(table)
        let delta = values.map { $0 * toRadians }
        if let i = delta.indices.first(where: { !(delta[$0] >= 0 && delta[$0] <= Double.pi / 2) }) {
            throw GlassError(file: table.path, line: i < lines.count ? lines[i] : nil,
                             "phase angle (\(phase?.header.text ?? "")) is \(values[i]); expected 0–90° (0–π/2 rad) between stress and strain")
        }
        return delta
    }

    /// tan δ: the tan δ column as read, or the tangent of the phase angle.
    func tangents(_ values: [Double], lines: RowLines, table: RawTable) throws -> [Double] {
        guard tan == nil, phase != nil else { return values }
        return try radians(values, lines: lines, table: table).map { sin($0) / cos($0) }
    }

    /// Radians per unit of the phase-angle column: `°`/`deg` or `rad`. A column without a unit is
    /// refused: a small δ reads as a plausible angle in either unit.
    func phaseFactor(_ table: RawTable) throws -> Double {
        guard let c = phase else { return 1 }
        switch c.header.unit.trimmedSpaces.lowercased() {
        case "°", "º", "deg", "degree", "degrees", "grad": return Double.pi / 180
        case "rad", "radian", "radians": return 1
        default:
            let shown = c.header.unit.isEmpty ? "no unit" : "unit '\(c.header.unit)'"
            throw GlassError(file: table.path, line: table.line(ofColumn: c.index),
                             "phase-angle column '\(c.header.text)' has \(shown); expected ° or rad (e.g. 'Phase angle (°)')")
        }
    }
}
