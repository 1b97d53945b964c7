import GlassKit
