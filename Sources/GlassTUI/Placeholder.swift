// GlassTUI: see ARCHITECTURE.md
public enum GlassTUIInfo { public static let name = "GlassTUI" }
