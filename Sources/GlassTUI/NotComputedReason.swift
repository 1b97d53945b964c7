/// Why a value of the results pane is null, read from the analysis' warnings: the one rule of
/// every view (DSC and DMA alike) for a value shown `—`. The line under it says why
/// (`  not computed: needs at least 2 states with a cooling rate`), as the W list says it whole.
enum NotComputedReason {
    /// The first of `warnings` that mentions `key`, without `prefix` (`dma STATE`, a file's path)
    /// and the `:` and spaces after it; nil when none does.
    static func find(_ warnings: [String], key: String, prefix: String? = nil) -> String? {
        guard let w = warnings.first(where: { $0.contains(key) }) else { return nil }
        return dropping(prefix, from: w)
    }

    /// `text` without `prefix` and the `:` and spaces after it (unchanged when it does not start so).
    static func dropping(_ prefix: String?, from text: String) -> String {
        guard let prefix, text.hasPrefix(prefix) else { return text }
        var t = Substring(text.dropFirst(prefix.count))
        while t.hasPrefix(":") || t.hasPrefix(" ") { t.removeFirst() }
        return String(t)
    }

    /// The note under a value not computed: the reason as the warning gives it when it says
    /// "not computed" itself (`T_c not computed: …`), else after `not computed: ` (`what`
    /// first when given: `kJ/mol not computed: no molar mass …`).
    static func note(_ why: String, what: String? = nil) -> ResultLine {
        let text = why.contains("not computed") ? why : (what.map { $0 + " " } ?? "") + "not computed: " + why
        return .heading("  " + text)
    }

    /// The line of a value (`label value unit`), or of `—` with no unit and the note of its reason
    /// under it when the value is null and `reason` gives one.
    static func lines(_ label: String, _ value: String, unit: String, isNull: Bool, reason: () -> String?) -> [ResultLine] {
        guard isNull else { return [ResultLine(label, value, unit: unit)] }
        // No unit after "—".
        return [ResultLine(label, "—")] + (reason().map { [note($0)] } ?? [])
    }
}
