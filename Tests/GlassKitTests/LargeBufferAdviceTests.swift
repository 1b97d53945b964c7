import Foundation
import Testing
@testable import GlassKit

/// The huge-page advice reaches the kernel: the memory map's entry holding an advised buffer
/// carries the `hg` flag (VM_HUGEPAGE) in /proc/self/smaps. A buffer of 1 MiB, below the 4 MiB
/// from which a buffer's own whole huge pages are advised, is advised with a reach set (the
/// one-shot commands' arenas grow 16 MiB at a time; without it this test fails), and its
/// contents stay as written.
struct LargeBufferAdviceTests {
    /// The VmFlags of the mapping that holds `address`, read from /proc/self/smaps; nil when
    /// no mapping holds it (or the file cannot be read).
    static func flags(at address: Int) -> [String]? {
        // Read line by line: a file of /proc has no size for a whole-file read to go by.
        guard let file = fopen("/proc/self/smaps", "r") else { return nil }
        defer { fclose(file) }
        var lines: [String] = []
        var buffer: UnsafeMutablePointer<CChar>? = nil, capacity = 0
        defer { free(buffer) }
        while getline(&buffer, &capacity, file) > 0, let b = buffer { lines.append(String(cString: b)) }
        var holds = false
        for raw in lines {
            let line = raw.hasSuffix("\n") ? raw.dropLast() : Substring(raw)
            if let dash = line.firstIndex(of: "-"), let space = line.firstIndex(of: " "), dash < space,
               let lo = Int(line[..<dash], radix: 16), let hi = Int(line[line.index(after: dash)..<space], radix: 16) {
                holds = lo <= address && address < hi
            } else if holds, line.hasPrefix("VmFlags:") {
                return line.dropFirst("VmFlags:".count).split(separator: " ").map(String.init)
            }
        }
        return nil
    }

    @Test func aMegabyteBufferIsAdvisedWithAReach() {
        #if os(Linux)
        // A kernel without transparent huge pages refuses the advice; the contents are checked alone.
        let kernelHasHugePages = FileManager.default.fileExists(atPath: "/sys/kernel/mm/transparent_hugepage/enabled")
        LargeBuffer.adviseNearby(reach: 16 << 20)
        defer { LargeBuffer.adviseNearby(reach: 0) }
        let count = 1 << 17
        LargeBuffer.adviseAhead(bytes: count * MemoryLayout<Double>.stride)
        let values = [Double](unsafeUninitializedCapacity: count) { buffer, n in
            LargeBuffer.adviseHugePages(buffer)
            for i in 0..<count { buffer[i] = Double(i) * 0.5 }
            n = count
        }
        let (intact, flags) = values.withUnsafeBufferPointer { b in
            ((0..<count).allSatisfy { b[$0] == Double($0) * 0.5 }, b.baseAddress.flatMap { Self.flags(at: Int(bitPattern: $0)) })
        }
        #expect(intact)
        if kernelHasHugePages {
            #expect(flags?.contains("hg") == true, "VmFlags \(flags ?? [])")
        }
        #endif
    }
}
