// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "glassview",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "glassview", targets: ["glassview"]),
        .library(name: "GlassKit", targets: ["GlassKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // Pure analysis core: model, parsing of bytes, numerics, DSC/DMA analysis,
        // simulation, export rendering. FoundationEssentials only, no file system or terminal.
        .target(name: "GlassKit", dependencies: ["GlassPlatform"]),
        // What every module takes from the platform (FoundationEssentials, not Foundation; libc;
        // Dispatch), and number text in the C locale.
        .target(name: "GlassPlatform"),
        // The file-system edge: study directories, study.toml, SHA-256, atomic writes.
        .target(name: "GlassIO", dependencies: [
            "GlassKit", "GlassPlatform",
            .product(name: "TOMLKit", package: "TOMLKit"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // Cells, canvases, scales, legends: no analysis type is needed to draw.
        .target(name: "GlassPlot", dependencies: ["GlassPlatform"]),
        // No pkgConfig: SwiftPM would warn about the -D flags it drops; shim.h sets them.
        .systemLibrary(name: "CNcurses", providers: [.apt(["libncurses-dev"])]),
        // glibc's <malloc.h> (mallopt), for the one-shot commands' allocator setting.
        .systemLibrary(name: "CMalloc"),
        .target(name: "GlassTUI", dependencies: ["GlassKit", "GlassPlot", "GlassPlatform", "CNcurses"]),
        .executableTarget(name: "glassview", dependencies: [
            "GlassKit", "GlassIO", "GlassPlot", "GlassTUI", "GlassPlatform",
            .target(name: "CMalloc", condition: .when(platforms: [.linux])),
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "GlassKitTests", dependencies: ["GlassKit", "GlassPlatform"], resources: [.copy("Fixtures")]),
        .testTarget(name: "GlassIOTests", dependencies: ["GlassIO", "GlassKit"]),
        .testTarget(name: "GlassPlotTests", dependencies: ["GlassPlot"]),
        .testTarget(name: "GlassTUITests", dependencies: ["GlassTUI", "GlassKit", "GlassPlot", "GlassIO"], exclude: ["Snapshots"]),
        .testTarget(name: "EndToEndTests", dependencies: ["GlassKit"]),
    ],
    swiftLanguageModes: [.v6]
)

// A member is visible only in files that import its module (SE-0444): a String method of
// Foundation's, loaded through TOMLKit, would otherwise link Foundation, CoreFoundation and ICU.
//
// A concrete generic type (a `[Edges: Int]`, a `Set<UInt8>`) is instantiated by the metadata
// accessor called with its arguments' witness tables, not from its mangled name: the runtime
// resolves a mangled name's conformances by scanning every conformance record of the binary
// (4,390 with the static Swift runtime): such scans were a tenth of the CPU of `analyze` on a
// study of 250 small files, 7 % after (ArgumentParser's reflection, the standard library's own
// first uses; issue 11). The code and its results are the same either way.
for target in package.targets where target.type == .regular || target.type == .executable {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .enableUpcomingFeature("MemberImportVisibility"),
        .unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"]),
    ]
}
