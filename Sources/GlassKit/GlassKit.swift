/// glassview's analysis core: model, import of bytes, numerics, DSC and DMA analysis,
/// simulation and export rendering. Pure and UI-free: no file system, no terminal.
public enum GlassKit {
    /// The version written into every export (`glassview_version`).
    public static let version = "0.1.0"
}
