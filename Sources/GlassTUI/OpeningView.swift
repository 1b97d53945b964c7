extension ViewID {
    /// The view a study opens on, in the explorer and in `glassview plot` without `--view` (the
    /// one rule both read): heat flow (1) when it has a plot, else the first view that has one
    /// (a study of DMA runs alone: 4, E'(T)), else heat flow, which says why it has none.
    public static func opening(_ s: ExplorerState, columns: Int) -> ViewID {
        guard ViewRegistry.view(.heatFlow).plot(s, columns: columns) == nil else { return .heatFlow }
        return allCases.first { ViewRegistry.view($0).plot(s, columns: columns) != nil } ?? .heatFlow
    }
}
