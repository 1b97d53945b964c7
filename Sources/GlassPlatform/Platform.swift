// What every module takes from the platform, in one import (`import GlassPlatform`):
// FoundationEssentials rather than Foundation on Linux (Foundation's NSString, FileHandle,
// JSONSerialization… link Foundation, CoreFoundation and 30 MB of ICU: a third of the binary's
// size and of its start-up, issue 11), the C library, and Dispatch.
#if canImport(FoundationEssentials)
@_exported import FoundationEssentials
#else
@_exported import Foundation
#endif
#if canImport(Glibc)
@_exported import Glibc
#elseif canImport(Darwin)
@_exported import Darwin
#endif
@_exported import Dispatch
