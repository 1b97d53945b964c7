extension DSCPrepared {
    /// No DSC curves (a study that could not be loaded, or has no DSC data).
    public static let empty = DSCPrepared(states: [], warnings: [], stateBaselines: [:])
}
