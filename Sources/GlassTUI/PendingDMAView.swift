import GlassKit
import GlassPlot

/// A DMA view before the DMA analysis exists in `Results`: says "not computed" and why.
public struct PendingDMAView: ExplorerView {
    /// Which DMA view.
    public var id: ViewID
    /// Makes the placeholder for `id`.
    public init(id: ViewID) { self.id = id }
    /// No cursors yet (β/α window edges, T_g and T_ref arrive with the DMA results).
    public var cursors: [CursorID] { [] }
    /// Nothing to plot.
    public func plot(_ state: ExplorerState, columns: Int) -> PlotSpec? { nil }
    /// The reason.
    public func unavailable(_ state: ExplorerState) -> String {
        let dmaFiles = state.study?.datasets.filter { $0.kind != .dsc }.count ?? 0
        return dmaFiles == 0 ? "not computed: the study has no DMA data"
                             : "not computed: DMA analysis is not available in this build (\(dmaFiles) DMA file(s) loaded)"
    }
    /// "not computed" lines.
    public func results(_ state: ExplorerState) -> [ResultLine] {
        [.heading(title), ResultLine("status", "not computed")]
    }
    /// Nothing under a cursor.
    public func probe(_ state: ExplorerState) -> String { "\(title): not computed" }

    var title: String {
        switch id {
        case .moduli: return "E'/E_u, E''/E_u vs T"
        case .isotherms: return "E''(f) isotherms"
        case .tanDelta: return "tan δ vs f (QPD)"
        case .arrhenius: return "Arrhenius map"
        case .chi: return "χ(T), a1/a2"
        case .master: return "master curve"
        default: return id.tab
        }
    }
}
