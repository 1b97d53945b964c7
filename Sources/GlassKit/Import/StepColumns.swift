/// The rows of one block of a table whose blocks each have their own names row (a TRIOS DSC
/// export's `[step]`s, which may add or reorder columns from one step to the next): where each
/// of the table's columns is in these rows, and the names row that says so.
public struct StepColumns: Sendable {
    /// The rows, as indexes into the table's `dataLines`.
    public var rows: Range<Int>
    /// The block's own columns, as its names (and units) rows give them: a row has this many fields.
    public var headers: [ColumnHeader]
    /// 1-based line of the block's names row.
    public var headerLine: Int
    /// For each of the table's columns, its field in these rows.
    public var fields: [Int]
}

extension RawTable {
    /// The table as blocks of rows each read with its own names row: for every block (the whole
    /// table when it has none) the table those rows make with that names row, and the field of
    /// each of the table's columns there.
    func blocks() -> [(table: RawTable, fields: [Int])] {
        guard let steps = stepColumns else { return [(self, Array(headers.indices))] }
        return steps.map { s in
            var t = self
            t.stepColumns = nil
            t.headers = s.headers
            t.headerLine = s.headerLine
            t.columnLines = nil
            t.dataLines = Array(dataLines[s.rows])
            return (t, s.fields)
        }
    }
}
