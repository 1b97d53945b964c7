#if canImport(CMalloc)
import CMalloc
#endif
import GlassKit

/// One-shot commands (analyze, plot, master, simulate) keep the memory they free for their own
/// later allocations instead of handing it back to the kernel. glibc's malloc otherwise maps every
/// block of 128 KiB or more on its own and unmaps it when it is freed: each is faulted in page by
/// page, and its pages are freed again with a flush of the other core's page table cache. For a
/// 10^6-row file that was a tenth of the run (7 of 19 ms of system time, 64 → 57 ms wall); the
/// kernel takes all of it back at exit anyway. Blocks of 32 MiB or more (glibc's limit) are still
/// mapped on their own. The explorer, which runs for hours, keeps glibc's defaults.
///
/// The same commands also reserve 16 MiB at a time for each malloc arena (`M_TOP_PAD`). The arenas
/// of the analysing threads otherwise grow page by page, one `mprotect` each: about 400 calls for
/// the generated study of `scripts/bench-vs-python.sh`, each holding the process's memory map
/// locked for writing while the other core's page faults wait. The reservation is address space
/// only: pages are faulted in when used, as before. It is also what the large buffers of the
/// import and the W′ sweep advise for huge pages around them (`LargeBuffer`): `plot` of six files
/// of 10^5 rows faulted in 5,900 pages without, 2,000 with (8–9 % faster in paired runs).
enum FreedMemory {
    /// Once per process: mallopt is not safe while another thread allocates, and the early load
    /// (`EarlyLoad`) sets it before its thread starts, so the command's own call then does nothing.
    static func keepForThisProcess() { _ = applied }

    /// What each arena reserves at a time.
    private static let topPad: Int32 = 16 << 20

    private static let applied: Bool = {
        #if canImport(CMalloc)
        _ = mallopt(M_MMAP_THRESHOLD, 32 << 20)
        _ = mallopt(M_TRIM_THRESHOLD, Int32.max)
        _ = mallopt(M_TOP_PAD, topPad)
        // The arenas' reserved space is where the large buffers will lie: advised for huge pages.
        LargeBuffer.adviseNearby(reach: Int(topPad))
        #endif
        return true
    }()
}
