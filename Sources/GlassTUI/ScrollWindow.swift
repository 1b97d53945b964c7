/// Which of `total` lines a pane of `rows` rows shows, and whether it needs a line saying that
/// some are above (`… 3 above`) or below (`… 11 more`): those lines take rows of the pane, so a
/// cut list always says so.
struct ScrollWindow: Equatable {
    /// Index of the first line shown.
    var first: Int
    /// Number of lines shown.
    var count: Int
    /// Lines before `first` and after the last line shown.
    var above: Int, below: Int

    /// The window whose first line is as near `top` as lets the rows be filled.
    static func from(top: Int, total: Int, rows: Int) -> ScrollWindow {
        let rows = max(0, rows)
        guard total > rows else { return ScrollWindow(first: 0, count: total, above: 0, below: 0) }
        guard rows >= 2 else { return ScrollWindow(first: 0, count: 0, above: 0, below: total) }
        // The last page: one indicator line above.
        let lastFirst = total - (rows - 1)
        if top >= lastFirst { return ScrollWindow(first: lastFirst, count: rows - 1, above: lastFirst, below: 0) }
        if top <= 0 { return ScrollWindow(first: 0, count: rows - 1, above: 0, below: total - (rows - 1)) }
        let count = max(0, rows - 2)
        let first = min(top, total - count - 1)
        return ScrollWindow(first: first, count: count, above: first, below: total - first - count)
    }

    /// The window that shows line `selection`, scrolled no further than needed (the selection
    /// on its last row once it has passed the first page).
    static func around(selection: Int, total: Int, rows: Int) -> ScrollWindow {
        let top = from(top: 0, total: total, rows: rows)
        if selection < top.first + top.count || top.count == 0 { return top }
        let last = from(top: total, total: total, rows: rows)
        if selection >= last.first { return last }
        return from(top: selection - (rows - 2) + 1, total: total, rows: rows)
    }

    /// The lines shown.
    var range: Range<Int> { first..<(first + count) }
}
