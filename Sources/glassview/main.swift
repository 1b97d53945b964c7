import GlassKit
print("glassview \(GlassKit.version)")
