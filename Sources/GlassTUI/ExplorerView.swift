import GlassKit
import GlassPlot

/// One view of the explorer: what it plots, which cursors it has, and which parameters its
/// results pane lists. Views read the state (and its `Results`) only; they never compute a
/// number that the export does not hold.
public protocol ExplorerView: Sendable {
    /// Which view this is.
    var id: ViewID { get }
    /// The cursors `[`/`]` cycle through.
    var cursors: [CursorID] { get }
    /// Whether the plot's x axis is the cursors' axis (a click there moves a cursor).
    var cursorsOnPlot: Bool { get }
    /// The cursors whose values lie on the plot's x axis (a click moves the nearest of them).
    var plotCursors: [CursorID] { get }
    /// What to plot, or nil when there is nothing (see ``unavailable(_:)``). `columns` is the
    /// plot width in cells (curves computed per frame are sampled to it).
    func plot(_ state: ExplorerState, columns: Int) -> PlotSpec?
    /// Why there is nothing to plot (shown in the plot pane).
    func unavailable(_ state: ExplorerState) -> String
    /// The results pane.
    func results(_ state: ExplorerState) -> [ResultLine]
    /// The status-line values at the active cursor for every visible state.
    func probe(_ state: ExplorerState) -> String
    /// Marker characters drawn over the plot at data points (a single braille dot is hard to see).
    func marks(_ state: ExplorerState) -> [PlotMark]
}

extension ExplorerView {
    /// By default a click does not move cursors.
    public var cursorsOnPlot: Bool { false }
    /// By default every cursor when ``cursorsOnPlot``, else none.
    public var plotCursors: [CursorID] { cursorsOnPlot ? cursors : [] }
    /// By default no marks.
    public func marks(_ state: ExplorerState) -> [PlotMark] { [] }
}

/// The view implementation for each ``ViewID``.
public enum ViewRegistry {
    /// The view for `id`.
    public static func view(_ id: ViewID) -> any ExplorerView {
        switch id {
        case .heatFlow: return HeatFlowView()
        case .cumulative: return CumulativeView()
        case .sensitivity: return SensitivityView()
        case .moduli: return ModuliView()
        case .isotherms: return IsothermsView()
        case .tanDelta: return TanDeltaView()
        case .arrhenius: return ArrheniusView()
        case .chi: return ChiView()
        case .master: return MasterView()
        case .compare: return CompareView()
        }
    }
}
