// GlassPlot: see ARCHITECTURE.md
public enum GlassPlotInfo { public static let name = "GlassPlot" }
